import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, invoiceTemplates, products, taxRates, type Customer, type TaxRate } from "@/db/schema";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";
import { HUNDRED_PERCENT, parsePercent } from "@/lib/money";
import { calculateInvoice, type InvoiceCalculation } from "./calculate";
import { isIsoDate } from "./dates";
import { MAX_LINES, MAX_TAXES_PER_LINE, type InvoiceDraftInput } from "./schemas";

/**
 * What the stored draft already uses. An edit may keep a tax rate retired or a product deleted
 * since it was saved (the draft was valid then); only new references must be live.
 */
export type DraftReferences = {
  customerId: string;
  currency: string;
  templateId: string | null;
  taxRateIds: ReadonlySet<string>;
  productIds: ReadonlySet<string>;
};

export type CheckedDraft = { customer: Customer; rates: ReadonlyMap<string, TaxRate>; calc: InvoiceCalculation };

type Errors = Record<string, string[]>;

function add(errors: Errors, field: string, message: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** One message when one thing is wrong, so the banner says it; otherwise point at the fields. */
function refuse(errors: Errors): never {
  const messages = Object.values(errors).flat();
  throw new UserError(messages.length === 1 ? (messages[0] ?? "") : "Check the highlighted fields.", errors);
}

/**
 * Checks a draft against the database and calculates it, or throws one UserError with every
 * problem keyed like the editor's fields. Reads only, so a refusal writes nothing.
 */
export async function checkDraft(tx: Db, input: InvoiceDraftInput, current: DraftReferences | null): Promise<CheckedDraft> {
  const errors: Errors = {};
  const customer = await checkCustomer(tx, input, current, errors);
  if (!isIsoDate(input.issueDate)) add(errors, "issueDate", "Enter the issue date.");
  if (!isIsoDate(input.dueDate)) add(errors, "dueDate", "Enter the due date.");
  else if (input.dueDate < input.issueDate) add(errors, "dueDate", "The due date cannot be before the issue date.");
  if (input.lines.length > MAX_LINES) add(errors, "lines", `An invoice has at most ${MAX_LINES} lines.`);
  checkLineFigures(input, errors);
  const rates = await checkTaxRates(tx, input, current, errors);
  await checkProducts(tx, input, current, errors);
  await checkTemplate(tx, input, current, errors);
  if (!customer || Object.keys(errors).length) refuse(errors);
  return { customer, rates, calc: calculate(input, rates) };
}

async function checkCustomer(tx: Db, input: InvoiceDraftInput, current: DraftReferences | null, errors: Errors): Promise<Customer | null> {
  const [customer] = isUuid(input.customerId) ? await tx.select().from(customers).where(eq(customers.id, input.customerId)) : [];
  if (!customer || customer.deletedAt) {
    add(errors, "customerId", "That customer does not exist.");
    return null;
  }
  if (customer.status === "archived") add(errors, "customerId", `${customer.displayName} is archived. Restore the customer to invoice them.`);
  if (!/^[A-Z]{3}$/.test(input.currency)) add(errors, "currency", "Use an ISO 4217 currency code such as USD, EUR or KES.");
  // a currency already confirmed on this draft for this customer need not be confirmed again
  const alreadyConfirmed = current?.customerId === customer.id && current.currency === input.currency;
  if (input.currency !== customer.currency && !input.confirmCurrency && !alreadyConfirmed) {
    add(errors, "currency", `This customer is billed in ${customer.currency}. Confirm to invoice in ${input.currency}.`);
  }
  return customer;
}

/** The same rules as calculate.ts, reported at the line's field instead of as one RangeError. */
function checkLineFigures(input: InvoiceDraftInput, errors: Errors): void {
  input.lines.forEach((line, i) => {
    const description = line.description.trim();
    if (!description) add(errors, `lines.${i}.description`, "Describe the line.");
    else if (description.length > 2000) add(errors, `lines.${i}.description`, "Use at most 2,000 characters.");
    if (line.quantity <= 0n) add(errors, `lines.${i}.quantity`, "The quantity must be more than 0.");
    if (line.unitPrice < 0n) add(errors, `lines.${i}.unitPrice`, "The unit price cannot be negative.");
    if (line.discountPercent < 0n || line.discountPercent > HUNDRED_PERCENT) {
      add(errors, `lines.${i}.discountPercent`, "A discount is a percent from 0 to 100.");
    }
    if (line.taxRateIds.length > MAX_TAXES_PER_LINE) add(errors, `lines.${i}.taxRateIds`, `Use at most ${MAX_TAXES_PER_LINE} taxes on a line.`);
    if (new Set(line.taxRateIds).size !== line.taxRateIds.length) add(errors, `lines.${i}.taxRateIds`, "A tax can apply to a line only once.");
  });
}

async function checkTaxRates(tx: Db, input: InvoiceDraftInput, current: DraftReferences | null, errors: Errors): Promise<Map<string, TaxRate>> {
  const ids = [...new Set(input.lines.flatMap((line) => line.taxRateIds))].filter(isUuid);
  const rows = ids.length ? await tx.select().from(taxRates).where(inArray(taxRates.id, ids)) : [];
  const rates = new Map(rows.map((rate) => [rate.id, rate]));
  input.lines.forEach((line, i) => {
    for (const id of line.taxRateIds) {
      const rate = rates.get(id);
      if (!rate) add(errors, `lines.${i}.taxRateIds`, "That tax rate does not exist.");
      else if (!rate.active && !current?.taxRateIds.has(id)) add(errors, `lines.${i}.taxRateIds`, `${rate.name} is inactive; choose another tax rate.`);
    }
  });
  return rates;
}

async function checkProducts(tx: Db, input: InvoiceDraftInput, current: DraftReferences | null, errors: Errors): Promise<void> {
  const ids = [...new Set(input.lines.map((line) => line.productId).filter((id): id is string => id !== null))].filter(isUuid);
  const rows = ids.length ? await tx.select({ id: products.id, deletedAt: products.deletedAt }).from(products).where(inArray(products.id, ids)) : [];
  const live = new Set(rows.filter((row) => !row.deletedAt || current?.productIds.has(row.id)).map((row) => row.id));
  input.lines.forEach((line, i) => {
    if (line.productId !== null && !live.has(line.productId)) add(errors, `lines.${i}.productId`, "That product does not exist.");
  });
}

async function checkTemplate(tx: Db, input: InvoiceDraftInput, current: DraftReferences | null, errors: Errors): Promise<void> {
  if (input.templateId === null || input.templateId === current?.templateId) return;
  const [template] = isUuid(input.templateId)
    ? await tx.select({ deletedAt: invoiceTemplates.deletedAt }).from(invoiceTemplates).where(eq(invoiceTemplates.id, input.templateId))
    : [];
  if (!template || template.deletedAt) add(errors, "templateId", "That template does not exist.");
}

/** calculateInvoice with each line's rates; what it still refuses (a discount above the subtotal) becomes a UserError. */
function calculate(input: InvoiceDraftInput, rates: ReadonlyMap<string, TaxRate>): InvoiceCalculation {
  const lines = input.lines.map((line) => ({
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
    taxes: line.taxRateIds.map((id) => {
      const rate = rates.get(id);
      if (!rate) throw new Error(`tax rate ${id} was checked but is missing`);
      return { id, name: rate.name, percent: parsePercent(rate.percent), compound: rate.compound };
    }),
  }));
  try {
    return calculateInvoice({ currency: input.currency, lines, discount: input.discount ?? undefined });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const field = error.message.startsWith("Invoice discount") ? "discountValue" : "lines";
    throw new UserError(error.message, { [field]: [error.message] });
  }
}
