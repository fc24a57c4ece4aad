CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'transfer_day_off', 'working_saturday', 'short_day');--> statement-breakpoint
CREATE TYPE "public"."calendar_year_status" AS ENUM('final', 'provisional');--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"date" date NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	CONSTRAINT "calendar_days_date_kind_pk" PRIMARY KEY("date","kind")
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" "calendar_year_status" NOT NULL
);
