import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { paymentMethodKindEnum } from "./customers";

export interface BankDetails {
  accountName?: string;
  /** account number or IBAN */
  accountNumber?: string;
  swiftBic?: string;
  bankName?: string;
}

export interface WalletDetails {
  /** e.g. "M-Pesa" */
  provider?: string;
  paybill?: string;
  till?: string;
  /** what the customer types as the account reference; {invoice} and {customer} are filled in */
  accountReferenceRule?: string;
}

/**
 * How customers may pay (admin → Payment methods). A method is offered on the public invoice page
 * when it is enabled, the customer's country is in `countries` (empty: every country) and the
 * invoice's amount due is within the limits (limits apply to invoices in `limits_currency`).
 * Several rows of one method may exist, e.g. bank transfer with different accounts per country.
 * Gateway secrets are never stored here: they stay in environment variables.
 */
export const paymentMethodConfigs = pgTable(
  "payment_method_configs",
  {
    id: id(),
    method: paymentMethodKindEnum("method").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    // ISO 3166-1 alpha-2 codes; empty means every country
    countries: char("countries", { length: 2 }).array().notNull().default(sql`'{}'::char(2)[]`),
    displayName: text("display_name").notNull(),
    instructions: text("instructions"),
    bankDetails: jsonb("bank_details").$type<BankDetails>(),
    walletDetails: jsonb("wallet_details").$type<WalletDetails>(),
    sortOrder: integer("sort_order").notNull().default(0),
    minAmount: bigint("min_amount", { mode: "bigint" }),
    maxAmount: bigint("max_amount", { mode: "bigint" }),
    limitsCurrency: char("limits_currency", { length: 3 }),
    ...timestamps(),
  },
  (t) => [
    index("payment_method_configs_order_idx").on(t.sortOrder, t.displayName),
    check("payment_method_configs_limits", sql`(${t.minAmount} is null or ${t.minAmount} > 0) and (${t.maxAmount} is null or ${t.maxAmount} > 0) and (${t.minAmount} is null or ${t.maxAmount} is null or ${t.minAmount} <= ${t.maxAmount})`),
    check("payment_method_configs_limits_currency", sql`(${t.minAmount} is null and ${t.maxAmount} is null) or ${t.limitsCurrency} ~ '^[A-Z]{3}$'`),
  ],
);

export type PaymentMethodConfig = typeof paymentMethodConfigs.$inferSelect;
