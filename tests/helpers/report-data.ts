import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, creditNotes, customers, invoiceLines, invoices, payments, products, refunds } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { createCreditNote } from "@/lib/credit-notes/create";
import { recordPayment } from "@/lib/payments/record";
import { voidPayment } from "@/lib/payments/void";
import { issueRefund } from "@/lib/refunds/issue";
import { insertFinalizedInvoice, insertStaffActor, insertTestCustomer, type TestInvoiceOptions } from "./invoice-rows";

// A known book for the report tests, in USD (2 decimals) and JPY (0 decimals), built through the
// real commands (payments, refunds, credit notes, payment void) in date order. The commands stamp
// rows with today, so each step then moves its rows to the step's date: allocations' created_at
// to noon UTC of that day, received/refunded/issue dates and void times likewise.
//
// USD (cents)                         issue       due         total
//   U1 Beta, written off 2025-05-01   2025-01-05  2025-01-20     80.00  (untaxed)
//   A1 Alpha                          2025-01-10  2025-02-09    398.00  (3 × 100.00 @16% + 50.00 untaxed)
//   V1 Beta, voided 2025-02-20        2025-02-01  2025-03-03     81.20  (70.00 @16%)
//   A2 Alpha                          2025-02-15  2025-03-17    595.00  (2 × 250.00 @16% and @3%)
//   D1 Alpha, draft                   2025-03-01  2025-03-31  1,158.84  (999.00 @16%)
//   B1 Beta                           2025-03-05  2025-04-04  1,160.00  (1,000.00 @16%)
// JPY
//   C1 Chiyoda                        2025-01-20  2025-02-19    11,000  (10 × 1,000 @10%)
//   C2 Chiyoda                        2025-03-10  2025-04-09    61,111  (55,555 @10%: tax 5,556)
//
// Events: 02-01 P1 Alpha 200.00 → A1 · 02-10 P4 ¥5,000 → C1 · 03-15 P6 Beta 100.00 → B1, voided
// 03-18 · 03-20 P2 Alpha 198.00 → A1 · 03-25 P3 Alpha 200.00 → A2 · 04-05 P5 ¥26,000: ¥6,000 → C1,
// ¥20,000 → C2 · 04-10 R1 refund 50.00 of P2 (back onto A1) · 04-15 CN1 on B1, ¼ of the line
// (250.00 + 40.00 tax) · 04-20 CN2 on A2, 0.3333 of the line (83.33 + 15.83 tax: 13.33 @16%,
// 2.50 @3%) · 05-02 CN3 on C2, ½ of the line (¥27,778 + ¥2,778 tax) · 05-10 R2 refund ¥1,000 of P4.
// Amounts due today: U1 80.00 (written off), A1 50.00, V1 81.20 (void), A2 295.84, D1 (draft),
// B1 870.00, C1 ¥1,000, C2 ¥10,555. Products: "Consulting" on A1's first line and B1's line,
// "Licence" on A2's line; every other line has none.

export type ReportCustomer = { id: string; number: string; name: string };

export interface ReportDataSet {
  actor: Actor;
  customers: { alpha: ReportCustomer; beta: ReportCustomer; chiyoda: ReportCustomer };
  invoices: Record<"u1" | "a1" | "v1" | "a2" | "d1" | "b1" | "c1" | "c2", string>;
  payments: Record<"p1" | "p2" | "p3" | "p4" | "p5" | "p6", string>;
  products: { consulting: string; licence: string };
}

/** Noon UTC of a calendar day: clear of the day's edges in any direction. */
export const noonOf = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

const NO_GATEWAY = () => async () => {
  throw new Error("the report data set only refunds manual payments");
};

async function customer(db: Db, name: string, currency: string): Promise<ReportCustomer> {
  const id = await insertTestCustomer(db, name, currency);
  const [row] = await db.select({ number: customers.number, name: customers.displayName }).from(customers).where(eq(customers.id, id));
  if (!row) throw new Error(`customer ${name} vanished`);
  return { id, number: row.number, name: row.name };
}

async function invoice(db: Db, options: TestInvoiceOptions & { issueDate: string; dueDate: string }): Promise<string> {
  return (await insertFinalizedInvoice(db, options)).invoice.id;
}

export async function buildReportDataSet(db: Db): Promise<ReportDataSet> {
  const actor = await insertStaffActor(db);
  const alpha = await customer(db, "Alpha Trading", "USD");
  const beta = await customer(db, "Beta Foods", "USD");
  const chiyoda = await customer(db, "Chiyoda KK", "JPY");

  const ids = {
    u1: await invoice(db, { customerId: beta.id, status: "uncollectible", issueDate: "2025-01-05", dueDate: "2025-01-20", lines: [{ quantity: 1, unitPrice: 80_00n }] }),
    a1: await invoice(db, {
      customerId: alpha.id,
      issueDate: "2025-01-10",
      dueDate: "2025-02-09",
      lines: [
        { description: "Consulting day", quantity: 3, unitPrice: 100_00n, taxPercents: [16_000n] },
        { description: "Travel", quantity: 1, unitPrice: 50_00n },
      ],
    }),
    v1: await invoice(db, { customerId: beta.id, status: "void", issueDate: "2025-02-01", dueDate: "2025-03-03", lines: [{ quantity: 1, unitPrice: 70_00n, taxPercents: [16_000n] }] }),
    a2: await invoice(db, { customerId: alpha.id, issueDate: "2025-02-15", dueDate: "2025-03-17", lines: [{ quantity: 2, unitPrice: 250_00n, taxPercents: [16_000n, 3_000n] }] }),
    d1: await invoice(db, { customerId: alpha.id, status: "draft", issueDate: "2025-03-01", dueDate: "2025-03-31", lines: [{ quantity: 1, unitPrice: 999_00n, taxPercents: [16_000n] }] }),
    b1: await invoice(db, { customerId: beta.id, issueDate: "2025-03-05", dueDate: "2025-04-04", lines: [{ quantity: 1, unitPrice: 1000_00n, taxPercents: [16_000n] }] }),
    c1: await invoice(db, { customerId: chiyoda.id, currency: "JPY", issueDate: "2025-01-20", dueDate: "2025-02-19", lines: [{ quantity: 10, unitPrice: 1000n, taxPercents: [10_000n] }] }),
    c2: await invoice(db, { customerId: chiyoda.id, currency: "JPY", issueDate: "2025-03-10", dueDate: "2025-04-09", lines: [{ quantity: 1, unitPrice: 55_555n, taxPercents: [10_000n] }] }),
  };
  await db.update(invoices).set({ voidedAt: noonOf("2025-02-20") }).where(eq(invoices.id, ids.v1));
  await db.update(invoices).set({ uncollectibleAt: noonOf("2025-05-01") }).where(eq(invoices.id, ids.u1));

  const productIds = await tagProducts(db, ids);

  /** A manual payment received on `day`, its allocations moved to that day. */
  const pay = async (who: ReportCustomer, currency: string, day: string, rows: { invoiceId: string; amount: bigint }[]) => {
    const amount = rows.reduce((sum, row) => sum + row.amount, 0n);
    const { paymentId } = await recordPayment(
      db,
      { customerId: who.id, currency, amount, method: "bank_transfer", reference: `REF-${day}`, note: null, receivedOn: day, allocations: rows, keepExcessAsCredit: false },
      actor,
    );
    await db.update(allocations).set({ createdAt: noonOf(day) }).where(and(eq(allocations.paymentId, paymentId), isNull(allocations.reversalOfId), isNull(allocations.refundId)));
    return paymentId;
  };
  const refund = async (paymentId: string, amount: bigint, day: string) => {
    const done = await issueRefund(db, { paymentId, amount, reason: "Goodwill" }, actor, NO_GATEWAY);
    await db.update(refunds).set({ refundedOn: day }).where(eq(refunds.id, done.id));
    await db.update(allocations).set({ createdAt: noonOf(day) }).where(eq(allocations.refundId, done.id));
  };
  const credit = async (invoiceId: string, quantity: bigint, day: string) => {
    const [line] = await db.select({ id: invoiceLines.id }).from(invoiceLines).where(and(eq(invoiceLines.invoiceId, invoiceId), eq(invoiceLines.position, 1)));
    if (!line) throw new Error("invoice has no first line");
    const note = await createCreditNote(db, { invoiceId, reason: "Returned in part", lines: [{ invoiceLineId: line.id, quantity }], excess: "credit" }, actor);
    await db.update(creditNotes).set({ issueDate: day }).where(eq(creditNotes.id, note.id));
    await db.update(allocations).set({ createdAt: noonOf(day) }).where(eq(allocations.creditNoteId, note.id));
  };

  const p1 = await pay(alpha, "USD", "2025-02-01", [{ invoiceId: ids.a1, amount: 200_00n }]);
  const p4 = await pay(chiyoda, "JPY", "2025-02-10", [{ invoiceId: ids.c1, amount: 5000n }]);
  const p6 = await pay(beta, "USD", "2025-03-15", [{ invoiceId: ids.b1, amount: 100_00n }]);
  await voidPayment(db, p6, "Cheque bounced", actor);
  await db.update(payments).set({ voidedAt: noonOf("2025-03-18") }).where(eq(payments.id, p6));
  await db.update(allocations).set({ createdAt: noonOf("2025-03-18") }).where(and(eq(allocations.paymentId, p6), isNotNull(allocations.reversalOfId)));
  const p2 = await pay(alpha, "USD", "2025-03-20", [{ invoiceId: ids.a1, amount: 198_00n }]);
  const p3 = await pay(alpha, "USD", "2025-03-25", [{ invoiceId: ids.a2, amount: 200_00n }]);
  const p5 = await pay(chiyoda, "JPY", "2025-04-05", [
    { invoiceId: ids.c1, amount: 6000n },
    { invoiceId: ids.c2, amount: 20_000n },
  ]);
  await refund(p2, 50_00n, "2025-04-10");
  await credit(ids.b1, 2_500n, "2025-04-15");
  await credit(ids.a2, 3_333n, "2025-04-20");
  await credit(ids.c2, 5_000n, "2025-05-02");
  await refund(p4, 1000n, "2025-05-10");

  return { actor, customers: { alpha, beta, chiyoda }, invoices: ids, payments: { p1, p2, p3, p4, p5, p6 }, products: productIds };
}

/** Two catalogue products on three of the lines; the other lines stay free text. */
async function tagProducts(db: Db, ids: ReportDataSet["invoices"]): Promise<ReportDataSet["products"]> {
  const [consulting] = await db.insert(products).values({ name: "Consulting", sku: "CONS", unitPrice: 100_00n, currency: "USD" }).returning({ id: products.id });
  const [licence] = await db.insert(products).values({ name: "Licence", sku: "LIC", unitPrice: 250_00n, currency: "USD" }).returning({ id: products.id });
  if (!consulting || !licence) throw new Error("product insert returned nothing");
  const first = (invoiceId: string) => and(eq(invoiceLines.invoiceId, invoiceId), eq(invoiceLines.position, 1));
  await db.update(invoiceLines).set({ productId: consulting.id }).where(first(ids.a1));
  await db.update(invoiceLines).set({ productId: consulting.id }).where(first(ids.b1));
  await db.update(invoiceLines).set({ productId: licence.id }).where(first(ids.a2));
  return { consulting: consulting.id, licence: licence.id };
}
