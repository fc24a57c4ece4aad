CREATE TYPE "public"."extra_hours_state" AS ENUM('pending', 'approved', 'discuss');--> statement-breakpoint
CREATE TABLE "extra_hours_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"hourly_rate_kopecks" integer NOT NULL,
	"note" text NOT NULL,
	"state" "extra_hours_state" DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"client_comment" text,
	CONSTRAINT "extra_hours_requests_minutes" CHECK ("extra_hours_requests"."minutes" > 0)
);
--> statement-breakpoint
ALTER TABLE "extra_hours_requests" ADD CONSTRAINT "extra_hours_requests_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_hours_requests" ADD CONSTRAINT "extra_hours_requests_requested_by_staff_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "extra_hours_requests_order" ON "extra_hours_requests" USING btree ("order_id","requested_at");