CREATE TYPE "public"."vat_rate" AS ENUM('none', 'vat0', 'vat5', 'vat7', 'vat10', 'vat22');--> statement-breakpoint
CREATE TYPE "public"."money_event_kind" AS ENUM('order_paid', 'order_completed', 'invoice_paid', 'money_returned');--> statement-breakpoint
CREATE TYPE "public"."receipt_state" AS ENUM('queued', 'sent', 'wait', 'done', 'fail');--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"invoice_id" uuid,
	"event" "money_event_kind" NOT NULL,
	"source_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"settlement" text NOT NULL,
	"money_kopecks" integer NOT NULL,
	"total_kopecks" integer NOT NULL,
	"document" jsonb NOT NULL,
	"external_id" text NOT NULL,
	"reissue_of" uuid,
	"state" "receipt_state" DEFAULT 'queued' NOT NULL,
	"register_uuid" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"polls" integer DEFAULT 0 NOT NULL,
	"fiscal_receipt_number" integer,
	"shift_number" integer,
	"fn_number" text,
	"fiscal_document_number" bigint,
	"fiscal_document_attribute" bigint,
	"registered_at" timestamp with time zone,
	"ofd_receipt_url" text,
	"error_code" integer,
	"error_text" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "receipts_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "receipts_register_uuid_unique" UNIQUE("register_uuid"),
	CONSTRAINT "receipts_money" CHECK ("receipts"."money_kopecks" >= 0 and "receipts"."total_kopecks" > 0)
);
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "vat" "vat_rate" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "vat" "vat_rate" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "no_receipt_reason" text;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_reissue_of_receipts_id_fk" FOREIGN KEY ("reissue_of") REFERENCES "public"."receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_one_per_event" ON "receipts" USING btree ("event","source_id") WHERE "receipts"."reissue_of" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_one_reissue" ON "receipts" USING btree ("reissue_of");--> statement-breakpoint
CREATE INDEX "receipts_order" ON "receipts" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "receipts_state" ON "receipts" USING btree ("state","created_at");