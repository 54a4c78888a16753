import { and, asc, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { companySettings, customers, taxRates } from "@/db/schema";
import { listTemplates } from "@/lib/invoice-templates/queries";
import { likeContains, likePrefix } from "@/lib/list-queries";
import { parsePercent } from "@/lib/money";

/** What the invoice editor loads besides the draft itself: the customer, product and tax choices. */

export const CUSTOMER_PICKER_LIMIT = 10;

/** A customer as the picker shows it, with what choosing it fills in (currency, due date). */
export interface PickerCustomer {
  id: string;
  number: string;
  displayName: string;
  email: string | null;
  currency: string;
  paymentTerms: number;
}

export interface EditorTaxRate {
  id: string;
  name: string;
  /** thousandths of a percent, as calculateInvoice takes it */
  percent: bigint;
  compound: boolean;
  /** no longer active: offered only because a saved draft still uses it */
  retired?: boolean;
}

export interface EditorTemplate {
  id: string;
  name: string;
  isDefault: boolean;
  defaultNotes: string | null;
  defaultTerms: string | null;
}

export interface EditorOptions {
  taxRates: EditorTaxRate[];
  /** live templates, the default first */
  templates: EditorTemplate[];
  defaultCurrency: string;
  defaultPaymentTerms: number;
}

const pickerColumns = {
  id: customers.id,
  number: customers.number,
  displayName: customers.displayName,
  email: customers.email,
  currency: customers.currency,
  paymentTerms: customers.paymentTerms,
};

// archived customers are kept for their history but get no new invoices
const invoiceable = and(isNull(customers.deletedAt), ne(customers.status, "archived"));

/**
 * The customer type-ahead: name, number or email; those whose name or number starts with `q`
 * first, then the rest by name. An empty `q` lists the first customers by name.
 */
export async function searchCustomersForPicker(db: Db, q: string): Promise<PickerCustomer[]> {
  const text = q.trim().slice(0, 200).toLowerCase();
  const conditions: (SQL | undefined)[] = [invoiceable];
  const order: SQL[] = [];
  if (text) {
    const prefix = likePrefix(text);
    const contains = likeContains(text);
    const startsWith = sql`(lower(${customers.displayName}) like ${prefix} or lower(${customers.number}) like ${prefix})`;
    conditions.push(or(startsWith, sql`lower(${customers.displayName}) like ${contains}`, sql`lower(${customers.email}) like ${contains}`));
    order.push(sql`case when ${startsWith} then 0 else 1 end`);
  }
  return db
    .select(pickerColumns)
    .from(customers)
    .where(and(...conditions))
    .orderBy(...order, asc(customers.displayName), asc(customers.id))
    .limit(CUSTOMER_PICKER_LIMIT);
}

/**
 * One customer: a preselected one (`?customerId=`, invoiceable only) or a saved draft's (archived
 * since, still shown). Null when unknown or deleted.
 */
export async function getPickerCustomer(db: Db, id: string, options: { includeArchived?: boolean } = {}): Promise<PickerCustomer | null> {
  const [row] = await db
    .select(pickerColumns)
    .from(customers)
    .where(and(eq(customers.id, id), options.includeArchived ? isNull(customers.deletedAt) : invoiceable))
    .limit(1);
  return row ?? null;
}

/** Active tax rates by name, with exact percents (a stored "8.875" → 8875n). */
export async function activeTaxRates(db: Db): Promise<EditorTaxRate[]> {
  const rows = await db
    .select({ id: taxRates.id, name: taxRates.name, percent: taxRates.percent, compound: taxRates.compound })
    .from(taxRates)
    .where(eq(taxRates.active, true))
    .orderBy(asc(taxRates.name), asc(taxRates.id));
  // numeric(6,3) text, so it always parses
  return rows.map((row) => ({ ...row, percent: parsePercent(row.percent) }));
}

/** Live templates, the default first, then by name: only what the editor uses goes to the browser. */
export async function editorTemplates(db: Db): Promise<EditorTemplate[]> {
  const templates = await listTemplates(db);
  return templates.map(({ id, name, isDefault, defaultNotes, defaultTerms }) => ({ id, name, isDefault, defaultNotes, defaultTerms }));
}

/** Everything the editor page loads once. */
export async function getEditorOptions(db: Db): Promise<EditorOptions> {
  const [rates, templates, [settings]] = await Promise.all([
    activeTaxRates(db),
    editorTemplates(db),
    db.select({ currency: companySettings.defaultCurrency, terms: companySettings.defaultPaymentTerms }).from(companySettings).limit(1),
  ]);
  return {
    taxRates: rates,
    templates,
    defaultCurrency: settings?.currency ?? "USD",
    defaultPaymentTerms: settings?.terms ?? 30,
  };
}
