CREATE TYPE "public"."bank_invoice_state" AS ENUM('waiting', 'paid', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."transfer_source" AS ENUM('manual', 'statement');--> statement-breakpoint
ALTER TYPE "public"."order_state" ADD VALUE 'awaiting_transfer' BEFORE 'paid';--> statement-breakpoint
CREATE SEQUENCE "public"."bank_invoice_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "bank_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"order_id" uuid NOT NULL,
	"invoice_id" uuid,
	"amount_kopecks" integer NOT NULL,
	"description" text NOT NULL,
	"vat" "vat_rate" NOT NULL,
	"state" "bank_invoice_state" DEFAULT 'waiting' NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "bank_invoices_number_unique" UNIQUE("number"),
	CONSTRAINT "bank_invoices_amount_positive" CHECK ("bank_invoices"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"outcome" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_invoice_id" uuid NOT NULL,
	"amount_kopecks" integer NOT NULL,
	"received_on" date NOT NULL,
	"payer_name" text NOT NULL,
	"payer_inn" text,
	"document_number" text,
	"document_key" text,
	"note" text,
	"source" "transfer_source" NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bank_transfers_document_key" UNIQUE("document_key"),
	CONSTRAINT "bank_transfers_invoice" UNIQUE("bank_invoice_id"),
	CONSTRAINT "bank_transfers_amount_positive" CHECK ("bank_transfers"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "order_payers" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"company_name" text NOT NULL,
	"inn" text NOT NULL,
	"kpp" text,
	"legal_address" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_invoices" ADD CONSTRAINT "bank_invoices_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_invoices" ADD CONSTRAINT "bank_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_uploaded_by_staff_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_transfers" ADD CONSTRAINT "bank_transfers_bank_invoice_id_bank_invoices_id_fk" FOREIGN KEY ("bank_invoice_id") REFERENCES "public"."bank_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_transfers" ADD CONSTRAINT "bank_transfers_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_payers" ADD CONSTRAINT "order_payers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_invoices_order" ON "bank_invoices" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "bank_invoices_state" ON "bank_invoices" USING btree ("state","number");