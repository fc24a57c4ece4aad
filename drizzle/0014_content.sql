CREATE TYPE "public"."legal_document" AS ENUM('offer', 'privacy', 'consent');--> statement-breakpoint
CREATE TABLE "company_details" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"inn" text NOT NULL,
	"kpp" text,
	"ogrn" text NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"bank_name" text NOT NULL,
	"bik" text NOT NULL,
	"correspondent_account" text NOT NULL,
	"settlement_account" text NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_wordings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"greeting" text NOT NULL,
	"sign_off" text NOT NULL,
	"paragraph" text NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_versions" (
	"document" "legal_document" NOT NULL,
	"effective_date" date NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"body" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "legal_versions_document_effective_date_pk" PRIMARY KEY("document","effective_date")
);
--> statement-breakpoint
ALTER TABLE "company_details" ADD CONSTRAINT "company_details_saved_by_staff_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_wordings" ADD CONSTRAINT "email_wordings_saved_by_staff_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_versions" ADD CONSTRAINT "legal_versions_published_by_staff_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_details_saved_at" ON "company_details" USING btree ("saved_at");--> statement-breakpoint
CREATE INDEX "email_wordings_type_saved_at" ON "email_wordings" USING btree ("type","saved_at");