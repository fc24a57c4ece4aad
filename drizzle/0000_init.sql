CREATE TYPE "public"."billing_kind" AS ENUM('fixed', 'hourly');--> statement-breakpoint
CREATE TYPE "public"."order_state" AS ENUM('awaiting_payment');--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"price_kopecks" integer NOT NULL,
	"billing" "billing_kind" NOT NULL,
	"included_hours" integer,
	"hourly_rate_kopecks" integer,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_slug_unique" UNIQUE("slug"),
	CONSTRAINT "services_price_positive" CHECK ("services"."price_kopecks" > 0),
	CONSTRAINT "services_hourly_terms" CHECK (("services"."billing" = 'fixed' and "services"."included_hours" is null and "services"."hourly_rate_kopecks" is null)
        or ("services"."billing" = 'hourly' and "services"."included_hours" > 0 and "services"."hourly_rate_kopecks" > 0))
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_ref" text NOT NULL,
	"service_id" uuid NOT NULL,
	"service_title" text NOT NULL,
	"price_kopecks" integer NOT NULL,
	"state" "order_state" DEFAULT 'awaiting_payment' NOT NULL,
	"customer_name" text NOT NULL,
	"customer_email" text NOT NULL,
	"customer_phone" text NOT NULL,
	"comment" text,
	"marketing_opt_in" boolean NOT NULL,
	"offer_version" text NOT NULL,
	"consent_version" text NOT NULL,
	"privacy_version" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"client_ip" text NOT NULL,
	"user_agent" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_public_ref_unique" UNIQUE("public_ref"),
	CONSTRAINT "orders_price_positive" CHECK ("orders"."price_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "used_captcha_solutions" (
	"challenge_signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_client_ip_created_at" ON "orders" USING btree ("client_ip","created_at");