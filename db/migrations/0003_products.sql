CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sku" text,
	"name" text NOT NULL,
	"description" text,
	"unit" text,
	"unit_price" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"default_tax_rate_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "products_currency_code" CHECK ("products"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "products_unit_price_nonnegative" CHECK ("products"."unit_price" >= 0),
	CONSTRAINT "products_name_length" CHECK (char_length("products"."name") between 1 and 200),
	CONSTRAINT "products_sku_length" CHECK ("products"."sku" is null or char_length("products"."sku") between 1 and 64),
	CONSTRAINT "products_unit_length" CHECK ("products"."unit" is null or char_length("products"."unit") between 1 and 20)
);
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_default_tax_rate_id_tax_rates_id_fk" FOREIGN KEY ("default_tax_rate_id") REFERENCES "public"."tax_rates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "products_sku_key" ON "products" USING btree (lower("sku")) WHERE "products"."sku" is not null and "products"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "products_name_prefix_idx" ON "products" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "products_active_idx" ON "products" USING btree ("active",lower("name"));--> statement-breakpoint
CREATE INDEX "products_currency_idx" ON "products" USING btree ("currency");--> statement-breakpoint
CREATE INDEX "products_price_idx" ON "products" USING btree ("unit_price","id");--> statement-breakpoint
CREATE INDEX "products_created_idx" ON "products" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "products_tax_rate_idx" ON "products" USING btree ("default_tax_rate_id");--> statement-breakpoint
CREATE INDEX "products_created_by_idx" ON "products" USING btree ("created_by");