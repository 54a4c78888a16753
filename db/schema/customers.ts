import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { users } from "./users";

export const customerStatusEnum = pgEnum("customer_status", ["active", "suspended", "archived"]);
export const paymentMethodKindEnum = pgEnum("payment_method_kind", [
  "stripe_card",
  "paypal",
  "bank_transfer",
  "local_wallet",
  "cash",
  "check",
]);

export const customers = pgTable(
  "customers",
  {
    id: id(),
    // CUST-0001: allocated from number_sequences under lock
    number: text("number").notNull(),
    companyName: text("company_name"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    // what lists show and sort by: the company, else the person
    displayName: text("display_name")
      .notNull()
      .generatedAlwaysAs(
        sql`coalesce(nullif(btrim(company_name), ''), nullif(btrim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), number)`,
      ),
    email: text("email"),
    // E.164
    phone: text("phone"),
    secondaryEmail: text("secondary_email"),
    secondaryPhone: text("secondary_phone"),
    billingStreet: text("billing_street"),
    billingCity: text("billing_city"),
    billingRegion: text("billing_region"),
    billingPostalCode: text("billing_postal_code"),
    billingCountry: text("billing_country"),
    shippingStreet: text("shipping_street"),
    shippingCity: text("shipping_city"),
    shippingRegion: text("shipping_region"),
    shippingPostalCode: text("shipping_postal_code"),
    shippingCountry: text("shipping_country"),
    taxId: text("tax_id"),
    industry: text("industry"),
    website: text("website"),
    currency: text("currency").notNull(),
    paymentTerms: integer("payment_terms").notNull(),
    // minor units of `currency`; null = no limit
    creditLimit: bigint("credit_limit", { mode: "bigint" }),
    preferredPaymentMethod: paymentMethodKindEnum("preferred_payment_method"),
    status: customerStatusEnum("status").notNull().default("active"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    autoSendInvoices: boolean("auto_send_invoices").notNull().default(false),
    sendReminders: boolean("send_reminders").notNull().default(true),
    // charge the default saved card when an invoice falls due (recurring billing uses it)
    autopay: boolean("autopay").notNull().default(false),
    // the Stripe Customer (cus_…) saved cards belong to; created on the first card setup
    stripeCustomerId: text("stripe_customer_id"),
    language: text("language").notNull().default("en"),
    createdBy: uuid("created_by").references(() => users.id),
    // optimistic concurrency: an edit names the version it started from
    version: integer("version").notNull().default(1),
    ...timestamps(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("customers_number_key").on(t.number),
    index("customers_display_name_idx").on(t.displayName, t.id),
    index("customers_email_idx").on(sql`lower(${t.email})`),
    // duplicate checks compare tax ids case-insensitively
    index("customers_tax_id_idx").on(sql`upper(${t.taxId})`),
    index("customers_phone_idx").on(t.phone),
    index("customers_status_idx").on(t.status, t.displayName),
    index("customers_country_idx").on(t.billingCountry),
    index("customers_currency_idx").on(t.currency),
    index("customers_created_idx").on(t.createdAt, t.id),
    index("customers_tags_idx").using("gin", t.tags),
    index("customers_created_by_idx").on(t.createdBy),
    check("customers_currency_code", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("customers_credit_limit_nonnegative", sql`${t.creditLimit} is null or ${t.creditLimit} >= 0`),
    check("customers_payment_terms_range", sql`${t.paymentTerms} between 0 and 365`),
  ],
);

export const customerNotes = pgTable(
  "customer_notes",
  {
    id: id(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    ...timestamps(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("customer_notes_customer_idx").on(t.customerId, t.createdAt), index("customer_notes_author_idx").on(t.authorId)],
);

/** A named set of list filters (the URL query string), per user. */
export const customerSavedViews = pgTable(
  "customer_saved_views",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: text("query").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("customer_saved_views_user_name_key").on(t.userId, t.name)],
);

/**
 * How a customer pays. Never a full card or account number: brand/last4/expiry and the gateway's
 * token for cards, bank name and last 4 for accounts, the wallet's phone for mobile money.
 */
export const paymentMethods = pgTable(
  "payment_methods",
  {
    id: id(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    kind: paymentMethodKindEnum("kind").notNull(),
    label: text("label"),
    bankName: text("bank_name"),
    accountLast4: text("account_last4"),
    walletProvider: text("wallet_provider"),
    walletPhone: text("wallet_phone"),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    cardExpMonth: smallint("card_exp_month"),
    cardExpYear: smallint("card_exp_year"),
    gateway: text("gateway"),
    gatewayToken: text("gateway_token"),
    isDefault: boolean("is_default").notNull().default(false),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("payment_methods_customer_idx").on(t.customerId),
    // exactly one default per customer among the methods not removed
    uniqueIndex("payment_methods_one_default")
      .on(t.customerId)
      .where(sql`${t.isDefault} and ${t.deletedAt} is null`),
    // a gateway's saved card (pm_…) is stored once, however often its setup webhook arrives
    uniqueIndex("payment_methods_gateway_token_key")
      .on(t.gateway, t.gatewayToken)
      .where(sql`${t.gatewayToken} is not null and ${t.deletedAt} is null`),
    check("payment_methods_last4_digits", sql`${t.accountLast4} is null or ${t.accountLast4} ~ '^[0-9]{4}$'`),
    check("payment_methods_card_last4_digits", sql`${t.cardLast4} is null or ${t.cardLast4} ~ '^[0-9]{4}$'`),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type CustomerStatus = (typeof customerStatusEnum.enumValues)[number];
export type PaymentMethodKind = (typeof paymentMethodKindEnum.enumValues)[number];
export type PaymentMethod = typeof paymentMethods.$inferSelect;
