-- Numbers for the orders placed before order numbers existed (decision 039): in placement order from
-- 1001, the sequence's start; the sequence then continues after the last one. Surcharge invoices get
-- their ordinal within their order in the order they were issued.
UPDATE "orders" SET "number" = numbered.n
FROM (SELECT "id", 1000 + row_number() OVER (ORDER BY "created_at", "id") AS n FROM "orders") AS numbered
WHERE "orders"."id" = numbered."id";--> statement-breakpoint
SELECT setval('"public"."order_number_seq"', max("number")) FROM "orders" HAVING count(*) > 0;--> statement-breakpoint
UPDATE "invoices" SET "ordinal" = numbered.n
FROM (SELECT "id", row_number() OVER (PARTITION BY "order_id" ORDER BY "created_at", "id") AS n FROM "invoices") AS numbered
WHERE "invoices"."id" = numbered."id";
