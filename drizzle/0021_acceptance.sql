CREATE TYPE "public"."handover_state" AS ENUM('waiting', 'accepted', 'remarks', 'accepted_by_silence');--> statement-breakpoint
ALTER TYPE "public"."order_state" ADD VALUE 'work_done' BEFORE 'completed';--> statement-breakpoint
CREATE SEQUENCE "public"."service_act_number" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "service_acts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"handover_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "service_acts_order_id_unique" UNIQUE("order_id"),
	CONSTRAINT "service_acts_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "work_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"handed_over_by" uuid NOT NULL,
	"handed_over_at" timestamp with time zone NOT NULL,
	"accept_by" timestamp with time zone NOT NULL,
	"state" "handover_state" DEFAULT 'waiting' NOT NULL,
	"answered_at" timestamp with time zone,
	"remarks" text,
	CONSTRAINT "work_handovers_order_attempt" UNIQUE("order_id","attempt")
);
--> statement-breakpoint
ALTER TABLE "service_acts" ADD CONSTRAINT "service_acts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_acts" ADD CONSTRAINT "service_acts_handover_id_work_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."work_handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_handovers" ADD CONSTRAINT "work_handovers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_handovers" ADD CONSTRAINT "work_handovers_handed_over_by_staff_id_fk" FOREIGN KEY ("handed_over_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_handovers_order" ON "work_handovers" USING btree ("order_id","handed_over_at");