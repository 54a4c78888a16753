CREATE TYPE "public"."gateway" AS ENUM('stripe', 'paypal');--> statement-breakpoint
CREATE TYPE "public"."payment_origin" AS ENUM('staff', 'customer', 'saved_card');--> statement-breakpoint
CREATE TYPE "public"."refund_origin" AS ENUM('staff', 'gateway', 'dispute');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."dispute_status" AS ENUM('warning_needs_response', 'warning_under_review', 'warning_closed', 'needs_response', 'under_review', 'won', 'lost', 'prevented');--> statement-breakpoint
CREATE TYPE "public"."webhook_outcome" AS ENUM('applied', 'ignored', 'held');--> statement-breakpoint
ALTER TYPE "public"."payment_method" ADD VALUE 'local_wallet';--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'pending';--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'failed';--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'rejected';--> statement-breakpoint
CREATE TABLE "payment_method_configs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"method" "payment_method_kind" NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"countries" char(2)[] DEFAULT '{}'::char(2)[] NOT NULL,
	"display_name" text NOT NULL,
	"instructions" text,
	"bank_details" jsonb,
	"wallet_details" jsonb,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"min_amount" bigint,
	"max_amount" bigint,
	"limits_currency" char(3),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_method_configs_limits" CHECK (("payment_method_configs"."min_amount" is null or "payment_method_configs"."min_amount" > 0) and ("payment_method_configs"."max_amount" is null or "payment_method_configs"."max_amount" > 0) and ("payment_method_configs"."min_amount" is null or "payment_method_configs"."max_amount" is null or "payment_method_configs"."min_amount" <= "payment_method_configs"."max_amount")),
	CONSTRAINT "payment_method_configs_limits_currency" CHECK (("payment_method_configs"."min_amount" is null and "payment_method_configs"."max_amount" is null) or "payment_method_configs"."limits_currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "dispute_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"gateway" "gateway" NOT NULL,
	"gateway_dispute_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "dispute_status" NOT NULL,
	"evidence_due_by" timestamp with time zone,
	"evidence_text" text,
	"evidence_submitted_at" timestamp with time zone,
	"evidence_submitted_by" uuid,
	"closed_at" timestamp with time zone,
	"lost_refund_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disputes_amount_positive" CHECK ("disputes"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "allocations" DROP CONSTRAINT "allocations_sign";--> statement-breakpoint
DROP INDEX "payments_status_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "autopay" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "stripe_customer_id" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "allow_partial_payment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "refund_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "origin" "payment_origin" DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "method_config_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "gateway" "gateway";--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "gateway_checkout_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "gateway_payment_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "fee_amount" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "net_amount" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payer_email" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "succeeded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "receipt_number" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "status" "refund_status" DEFAULT 'succeeded' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "origin" "refund_origin" DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "gateway" "gateway";--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "gateway_refund_id" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "outcome" "webhook_outcome";--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "held_reason" text;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dispute_notes" ADD CONSTRAINT "dispute_notes_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_notes" ADD CONSTRAINT "dispute_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_evidence_submitted_by_users_id_fk" FOREIGN KEY ("evidence_submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_lost_refund_id_refunds_id_fk" FOREIGN KEY ("lost_refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_method_configs_order_idx" ON "payment_method_configs" USING btree ("sort_order","display_name");--> statement-breakpoint
CREATE INDEX "dispute_notes_dispute_idx" ON "dispute_notes" USING btree ("dispute_id","created_at");--> statement-breakpoint
CREATE INDEX "dispute_notes_author_idx" ON "dispute_notes" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_gateway_dispute_key" ON "disputes" USING btree ("gateway","gateway_dispute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_lost_refund_key" ON "disputes" USING btree ("lost_refund_id");--> statement-breakpoint
CREATE INDEX "disputes_payment_idx" ON "disputes" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "disputes_status_idx" ON "disputes" USING btree ("status","evidence_due_by");--> statement-breakpoint
CREATE INDEX "disputes_evidence_submitted_by_idx" ON "disputes" USING btree ("evidence_submitted_by");--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_method_config_id_payment_method_configs_id_fk" FOREIGN KEY ("method_config_id") REFERENCES "public"."payment_method_configs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_methods_gateway_token_key" ON "payment_methods" USING btree ("gateway","gateway_token") WHERE "payment_methods"."gateway_token" is not null and "payment_methods"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "allocations_refund_idx" ON "allocations" USING btree ("refund_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_number_key" ON "payments" USING btree ("receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_gateway_checkout_key" ON "payments" USING btree ("gateway","gateway_checkout_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_gateway_payment_key" ON "payments" USING btree ("gateway","gateway_payment_id");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payments_method_config_idx" ON "payments" USING btree ("method_config_id");--> statement-breakpoint
CREATE INDEX "payments_decided_by_idx" ON "payments" USING btree ("decided_by");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_gateway_refund_key" ON "refunds" USING btree ("gateway","gateway_refund_id");--> statement-breakpoint
CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status","received_on");--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_sign" CHECK (("allocations"."reversal_of_id" is null and "allocations"."refund_id" is null and "allocations"."amount" > 0) or (("allocations"."reversal_of_id" is not null or "allocations"."refund_id" is not null) and "allocations"."amount" < 0));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_receipt_when_received" CHECK ("payments"."receipt_number" is null or "payments"."status" in ('succeeded', 'voided'));