CREATE TYPE "public"."payment_attempt_state" AS ENUM('created', 'initiated', 'paid', 'failed', 'expired', 'cancelled', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."payment_operation_kind" AS ENUM('capture', 'cancel', 'refund');--> statement-breakpoint
CREATE TYPE "public"."payment_operation_state" AS ENUM('pending', 'succeeded', 'failed', 'unknown');--> statement-breakpoint
ALTER TYPE "public"."order_state" ADD VALUE 'paid';--> statement-breakpoint
ALTER TYPE "public"."order_state" ADD VALUE 'needs_review';--> statement-breakpoint
ALTER TYPE "public"."order_state" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TYPE "public"."order_state" ADD VALUE 'refunded';--> statement-breakpoint
CREATE TABLE "payment_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"amount_kopecks" integer NOT NULL,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"state" "payment_attempt_state" DEFAULT 'created' NOT NULL,
	"gateway_payment_id" text,
	"redirect_url" text,
	"captured" boolean DEFAULT false NOT NULL,
	"card_brand" text,
	"card_last4" text,
	"failure_code" text,
	"failure_description" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	CONSTRAINT "payment_attempts_gateway_payment_id_unique" UNIQUE("gateway_payment_id"),
	CONSTRAINT "payment_attempts_amount_positive" CHECK ("payment_attempts"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"gateway_payment_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount_kopecks" integer,
	"currency" text,
	"source" text NOT NULL,
	"answer" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_events_once" UNIQUE("gateway_payment_id","kind")
);
--> statement-breakpoint
CREATE TABLE "payment_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"kind" "payment_operation_kind" NOT NULL,
	"amount_kopecks" integer NOT NULL,
	"state" "payment_operation_state" DEFAULT 'pending' NOT NULL,
	"gateway_refund_id" text,
	"gateway_code" text,
	"gateway_description" text,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "payment_operations_amount_positive" CHECK ("payment_operations"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "staff_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_attempt_id_payment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."payment_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_operations" ADD CONSTRAINT "payment_operations_attempt_id_payment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."payment_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD CONSTRAINT "staff_alerts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_attempts_order" ON "payment_attempts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payment_attempts_open" ON "payment_attempts" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "payment_operations_attempt" ON "payment_operations" USING btree ("attempt_id");