import { count, eq } from "drizzle-orm";
import type { Db } from "@/db";
import {
  allocations,
  auditLog,
  creditNoteLines,
  creditNotes,
  invoiceLines,
  invoiceLineTaxes,
  invoices,
  payments,
  refunds,
  taxRates,
  users,
  type Invoice,
  type InvoiceLine,
  type InvoiceStatus,
} from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { calculateInvoice, type DocumentDiscountInput } from "@/lib/invoices/calculate";
import { discountColumns, lineFigureColumns } from "@/lib/invoices/draft-store";
import { percentToDecimalString } from "@/lib/money";
import { allocateNumbers } from "@/lib/numbering/allocate";
import { QUANTITY_SCALE } from "@/lib/quantity";
import { insertCustomers } from "./customers";

// Invoices written straight through the schema, as finalize would leave them (numbered, figures
// from calculateInvoice, nothing paid), so payment and credit-note tests need no invoice workflow.

let staffCount = 0;

/** A finance user and the Actor for them. */
export async function insertStaffActor(db: Db): Promise<Actor> {
  staffCount += 1;
  const email = `finance-${staffCount}-${Date.now()}@payments.test`;
  const [user] = await db.insert(users).values({ email, name: `Finance ${staffCount}`, role: "finance" }).returning({ id: users.id });
  if (!user) throw new Error("user insert returned nothing");
  return { userId: user.id, label: email };
}

export async function insertTestCustomer(db: Db, companyName = "Acme Ltd", currency = "USD"): Promise<string> {
  const [customer] = await insertCustomers(db, [{ companyName, currency }]);
  if (!customer) throw new Error("customer insert returned nothing");
  return customer.id;
}

export type TestLine = {
  description?: string;
  /** scaled × 10,000; whole units when a number */
  quantity: bigint | number;
  /** minor units */
  unitPrice: bigint;
  discountPercent?: bigint;
  /** thousandths of a percent, e.g. 16000n */
  taxPercents?: bigint[];
};

/** 3 × $100.00 at 16% VAT (line total $348.00) and 1 × $50.00 untaxed: invoice total $398.00 */
export const VAT_AND_UNTAXED_LINES: TestLine[] = [
  { description: "Consulting day", quantity: 3, unitPrice: 100_00n, taxPercents: [16_000n] },
  { description: "Travel", quantity: 1, unitPrice: 50_00n },
];

export type TestInvoiceOptions = {
  customerId: string;
  lines: TestLine[];
  currency?: string;
  status?: Extract<InvoiceStatus, "draft" | "finalized" | "sent" | "viewed" | "void" | "uncollectible">;
  issueDate?: string;
  dueDate?: string;
  discount?: DocumentDiscountInput;
};

/** 16000n → "16.000", the numeric(6,3) column's form. */
const storedPercent = (percent: bigint) => `${percent / 1000n}.${String(percent % 1000n).padStart(3, "0")}`;

const scaled = (quantity: bigint | number) => (typeof quantity === "number" ? BigInt(quantity) * QUANTITY_SCALE : quantity);

/** One tax rate per distinct percent, made on demand. */
async function taxRateIds(db: Db, lines: TestLine[]): Promise<Map<bigint, string>> {
  const ids = new Map<bigint, string>();
  for (const percent of new Set(lines.flatMap((line) => line.taxPercents ?? []))) {
    const [rate] = await db.insert(taxRates).values({ name: `VAT ${percentToDecimalString(percent)}%`, percent: storedPercent(percent) }).returning({ id: taxRates.id });
    if (!rate) throw new Error("tax rate insert returned nothing");
    ids.set(percent, rate.id);
  }
  return ids;
}

/** A numbered invoice with its lines and line taxes; amount due = total. */
export async function insertFinalizedInvoice(db: Db, options: TestInvoiceOptions): Promise<{ invoice: Invoice; lines: InvoiceLine[] }> {
  const currency = options.currency ?? "USD";
  const status = options.status ?? "finalized";
  const rates = await taxRateIds(db, options.lines);
  const calc = calculateInvoice({
    currency,
    discount: options.discount,
    lines: options.lines.map((line) => ({
      quantity: scaled(line.quantity),
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent,
      taxes: (line.taxPercents ?? []).map((percent) => ({ id: rates.get(percent) ?? "", name: "VAT", percent, compound: false })),
    })),
  });
  return db.transaction(async (tx) => {
    const seq = status === "draft" ? null : await allocateNumbers(tx, "test_invoice", 1);
    const now = new Date();
    const [invoice] = await tx
      .insert(invoices)
      .values({
        number: seq === null ? null : `TINV-${String(seq).padStart(5, "0")}`,
        customerId: options.customerId,
        status,
        currency,
        issueDate: options.issueDate ?? "2026-01-01",
        dueDate: options.dueDate ?? "2026-01-31",
        ...discountColumns(options.discount),
        subtotal: calc.subtotal,
        discountTotal: calc.documentDiscount,
        taxTotal: calc.tax,
        total: calc.total,
        amountDue: calc.total,
        finalizedAt: status === "draft" ? null : now,
        sentAt: status === "sent" || status === "viewed" ? now : null,
        viewedAt: status === "viewed" ? now : null,
        voidedAt: status === "void" ? now : null,
        uncollectibleAt: status === "uncollectible" ? now : null,
      })
      .returning();
    if (!invoice) throw new Error("invoice insert returned nothing");
    const lines = await tx
      .insert(invoiceLines)
      .values(
        options.lines.map((line, index) => {
          const figures = calc.lines[index]!;
          return {
            invoiceId: invoice.id,
            position: index + 1,
            description: line.description ?? `Line ${index + 1}`,
            quantity: scaled(line.quantity),
            unitPrice: line.unitPrice,
            discountPercent: Number(line.discountPercent ?? 0n),
            ...lineFigureColumns(figures),
          };
        }),
      )
      .returning();
    const taxRows = lines.flatMap((line, index) =>
      (calc.lines[index]?.taxes ?? []).map((tax) => {
        const percent = [...rates].find(([, id]) => id === tax.id)?.[0] ?? 0n;
        return { lineId: line.id, taxRateId: tax.id, name: "VAT", percent: storedPercent(percent), compound: false, amount: tax.amount };
      }),
    );
    if (taxRows.length > 0) await tx.insert(invoiceLineTaxes).values(taxRows);
    return { invoice, lines: lines.sort((a, b) => a.position - b.position) };
  });
}

/** The invoice as stored now. */
export async function readInvoice(db: Db, id: string): Promise<Invoice> {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id));
  if (!invoice) throw new Error(`invoice ${id} not found`);
  return invoice;
}

/** Row counts of every table a money command writes: equal before and after means nothing was written. */
export async function moneyRowCounts(db: Db): Promise<Record<string, number>> {
  const tables = { payments, allocations, refunds, creditNotes, creditNoteLines, auditLog };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table);
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries);
}
