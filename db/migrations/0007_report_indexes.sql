CREATE INDEX "invoices_currency_issue_idx" ON "invoices" USING btree ("currency","issue_date");--> statement-breakpoint
CREATE INDEX "credit_notes_issue_date_idx" ON "credit_notes" USING btree ("issue_date");--> statement-breakpoint
CREATE INDEX "allocations_created_idx" ON "allocations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "refunds_refunded_idx" ON "refunds" USING btree ("refunded_on");