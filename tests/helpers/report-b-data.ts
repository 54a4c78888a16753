import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, creditNotes, invoices, payments, refunds, type NewInvoice } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { createCreditNote } from "@/lib/credit-notes/create";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { voidInvoice } from "@/lib/invoices/lifecycle";
import { recordPayment } from "@/lib/payments/record";
import type { RecordPaymentInput } from "@/lib/payments/schemas";
import { voidPayment } from "@/lib/payments/void";
import { issueRefund } from "@/lib/refunds/issue";
import { failRefund, reserveRefund } from "@/lib/refunds/ledger";
import { QUANTITY_SCALE } from "@/lib/quantity";
import { insertFinalizedInvoice, insertStaffActor, insertTestCustomer } from "./invoice-rows";

// The known data set of the payments, refunds, failed-payments and statement reports: two
// customers, USD (2 decimals) and JPY (0 decimals), every payment status, gateway payments with and
// without a reported fee, refunds of every origin (staff, gateway, dispute, of a credit note) and
// status, credit notes before and in the period, a voided payment and a voided invoice.
// Commands stamp today's date on what they write; each such date is then set to its place in the
// story by a direct UPDATE (noted where done), since the reports read those dates.
// The expected figures in the test files are worked out by hand from the comments below.

const noGateway = () => {
  throw new Error("manual payments never call a gateway");
};

async function setDate(db: Db, table: "refund" | "credit_note", id: string, date: string) {
  if (table === "refund") await db.update(refunds).set({ refundedOn: date }).where(eq(refunds.id, id));
  else await db.update(creditNotes).set({ issueDate: date }).where(eq(creditNotes.id, id));
}

export type ReportBData = Awaited<ReturnType<typeof seedReportBData>>;

export async function seedReportBData(db: Db) {
  const actor: Actor = await insertStaffActor(db);
  const acme = await insertTestCustomer(db, "Acme Reports Ltd", "USD");
  const beta = await insertTestCustomer(db, "Beta Reports Ltd", "USD");

  const invoice = async (customerId: string, currency: string, issueDate: string, quantity: number, unitPrice: bigint) =>
    (await insertFinalizedInvoice(db, { customerId, currency, issueDate, dueDate: issueDate, lines: [{ description: "Service", quantity, unitPrice }] }));
  const pay = async (input: Partial<RecordPaymentInput> & Pick<RecordPaymentInput, "customerId" | "currency" | "amount" | "method" | "receivedOn" | "allocations">) =>
    recordPayment(db, { reference: null, note: null, keepExcessAsCredit: false, ...input }, actor);
  const creditQuantity = async (invoiceId: string, lineId: string, quantity: number, date: string, refundMethod?: "bank_transfer") => {
    const note = await createCreditNote(
      db,
      { invoiceId, reason: "Report test credit", lines: [{ invoiceLineId: lineId, quantity: BigInt(quantity) * QUANTITY_SCALE }], excess: refundMethod ? "refund" : "credit", refundMethod },
      actor,
    );
    await setDate(db, "credit_note", note.id, date);
    return note;
  };
  /** a payment as a gateway leaves it, written directly (settling through a gateway needs its fake) */
  let gatewaySeq = 0;
  const gatewayPayment = async (row: Omit<typeof payments.$inferInsert, "number">, allocateTo?: string) => {
    gatewaySeq += 1;
    const number = `PAY-GW-${String(gatewaySeq).padStart(3, "0")}`;
    const succeeded = row.status === "succeeded";
    const [payment] = await db
      .insert(payments)
      .values({ ...row, number, origin: "customer", succeededAt: succeeded ? new Date(`${row.receivedOn}T12:00:00Z`) : null })
      .returning();
    if (!payment) throw new Error("payment insert returned nothing");
    if (allocateTo) {
      await db.insert(allocations).values({ invoiceId: allocateTo, paymentId: payment.id, amount: payment.amount });
      await refreshInvoiceBalance(db, allocateTo);
    }
    return payment;
  };

  // ---- Acme, USD ----
  const ia1 = await invoice(acme, "USD", "2026-02-10", 10, 100_00n); // $1,000.00
  const ia2 = await invoice(acme, "USD", "2026-03-05", 1, 500_00n); // $500.00
  const ia3 = await invoice(acme, "USD", "2026-03-20", 4, 50_00n); // $200.00
  const ia4 = await invoice(acme, "USD", "2026-04-05", 1, 300_00n); // $300.00, after the period
  // PA1 $600 → IA1 (due 400)
  const pa1 = await pay({ customerId: acme, currency: "USD", amount: 600_00n, method: "bank_transfer", receivedOn: "2026-02-20", allocations: [{ invoiceId: ia1.invoice.id, amount: 600_00n }] });
  // RA0 $20 of PA1, before the period: off IA1 (due 420). refunded_on set to 2026-02-25.
  const ra0 = await issueRefund(db, { paymentId: pa1.paymentId, amount: 20_00n, reason: "Overcharge" }, actor, noGateway);
  await setDate(db, "refund", ra0.id, "2026-02-25");
  // PV $150 check → IA1, then voided: its allocation is reversed (IA1 due 420 again)
  const pv = await pay({ customerId: acme, currency: "USD", amount: 150_00n, method: "check", receivedOn: "2026-03-02", allocations: [{ invoiceId: ia1.invoice.id, amount: 150_00n }] });
  await voidPayment(db, pv.paymentId, "Cheque bounced", actor);
  // PA2 $700 cash: $420 → IA1 (paid), $200 → IA2 (due 300), $80 kept as credit
  const pa2 = await pay({
    customerId: acme,
    currency: "USD",
    amount: 700_00n,
    method: "cash",
    receivedOn: "2026-03-12",
    keepExcessAsCredit: true,
    allocations: [
      { invoiceId: ia1.invoice.id, amount: 420_00n },
      { invoiceId: ia2.invoice.id, amount: 200_00n },
    ],
  });
  // PG $250 by card through Stripe, fee $7.55, net $242.45 → IA2 (due 50)
  const pg = await gatewayPayment(
    { customerId: acme, invoiceId: ia2.invoice.id, currency: "USD", amount: 250_00n, method: "card", status: "succeeded", gateway: "stripe", gatewayPaymentId: "pi_report_1", feeAmount: 7_55n, netAmount: 242_45n, receivedOn: "2026-03-18" },
    ia2.invoice.id,
  );
  // CNA1 $50 on IA3 (due 150), 2026-03-21; then IA3 is voided on 2026-03-25 (voided_at set directly)
  const cna1 = await creditQuantity(ia3.invoice.id, ia3.lines[0]!.id, 1, "2026-03-21");
  await voidInvoice(db, ia3.invoice.id, "Ordered by mistake", actor);
  await db.update(invoices).set({ voidedAt: new Date("2026-03-25T10:00:00Z") } satisfies Partial<NewInvoice>).where(eq(invoices.id, ia3.invoice.id));
  // RA1 $60 of PA2, 2026-03-22: out of its $80 credit (credit left 20)
  const ra1 = await issueRefund(db, { paymentId: pa2.paymentId, amount: 60_00n, reason: "Goodwill" }, actor, noGateway);
  await setDate(db, "refund", ra1.id, "2026-03-22");
  // RG $50 of PG made in the Stripe dashboard, 2026-03-26: off IA2 (due 100)
  const rg = await db.transaction((tx) => reserveRefund(tx, { paymentId: pg.id, amount: 50_00n, origin: "gateway", status: "succeeded", gatewayRefundId: "re_report_1" }, { userId: null, label: "stripe" }));
  await setDate(db, "refund", rg.id, "2026-03-26");
  // CNA2 $100 on IA1 (paid): all excess, refunded by bank transfer; both dated 2026-03-27
  const cna2 = await creditQuantity(ia1.invoice.id, ia1.lines[0]!.id, 1, "2026-03-27", "bank_transfer");
  const [cnRefund] = await db.select().from(refunds).where(eq(refunds.creditNoteId, cna2.id));
  if (!cnRefund) throw new Error("credit note refund missing");
  await setDate(db, "refund", cnRefund.id, "2026-03-27");
  // failed, pending and out-of-period attempts
  const failA = await gatewayPayment({ customerId: acme, invoiceId: ia2.invoice.id, currency: "USD", amount: 300_00n, method: "card", status: "failed", gateway: "stripe", failureReason: "card_declined", receivedOn: "2026-03-08" });
  const pendingA = await gatewayPayment({ customerId: acme, invoiceId: ia2.invoice.id, currency: "USD", amount: 80_00n, method: "bank_transfer", status: "pending", receivedOn: "2026-03-28" });
  const lateFail = await gatewayPayment({ customerId: acme, currency: "USD", amount: 99_00n, method: "card", status: "failed", gateway: "stripe", failureReason: "expired_card", receivedOn: "2026-04-02" });

  // ---- Acme, JPY ----
  const iaj1 = await invoice(acme, "JPY", "2026-02-15", 24, 5_000n); // ¥120,000
  const iaj2 = await invoice(acme, "JPY", "2026-03-10", 5, 10_000n); // ¥50,000
  const cnj1 = await creditQuantity(iaj1.invoice.id, iaj1.lines[0]!.id, 1, "2026-02-18"); // ¥5,000 (IAJ1 due 115,000)
  const cnj2 = await creditQuantity(iaj2.invoice.id, iaj2.lines[0]!.id, 2, "2026-03-14"); // ¥20,000 (IAJ2 due 30,000)
  const pa3 = await pay({ customerId: acme, currency: "JPY", amount: 100_000n, method: "bank_transfer", receivedOn: "2026-03-15", allocations: [{ invoiceId: iaj1.invoice.id, amount: 100_000n }] }); // IAJ1 due 15,000
  const ra2 = await issueRefund(db, { paymentId: pa3.paymentId, amount: 10_000n, reason: "Discount agreed" }, actor, noGateway); // IAJ1 due 25,000
  await setDate(db, "refund", ra2.id, "2026-03-25");
  const rejectedA = await gatewayPayment({ customerId: acme, invoiceId: iaj2.invoice.id, currency: "JPY", amount: 50_000n, method: "bank_transfer", status: "rejected", rejectReason: "No money arrived", receivedOn: "2026-03-11" });
  const pa4 = await pay({ customerId: acme, currency: "JPY", amount: 5_000n, method: "cash", receivedOn: "2026-04-10", allocations: [{ invoiceId: iaj2.invoice.id, amount: 5_000n }] }); // IAJ2 due 25,000

  // ---- Beta, USD ----
  const ib1 = await invoice(beta, "USD", "2026-03-03", 1, 400_00n);
  const pb1 = await gatewayPayment(
    { customerId: beta, invoiceId: ib1.invoice.id, currency: "USD", amount: 400_00n, method: "card", status: "succeeded", gateway: "stripe", gatewayPaymentId: "pi_report_2", feeAmount: 11_90n, netAmount: 388_10n, receivedOn: "2026-03-04" },
    ib1.invoice.id,
  );
  // PayPal reported no fee: net unknown, counted as "fees not reported"
  const pb2 = await gatewayPayment({ customerId: beta, currency: "USD", amount: 90_00n, method: "paypal", status: "succeeded", gateway: "paypal", gatewayPaymentId: "cap_report_1", receivedOn: "2026-03-06" });
  const disputeActor: Actor = { userId: null, label: "stripe" };
  const rb1 = await db.transaction((tx) => reserveRefund(tx, { paymentId: pb1.id, amount: 100_00n, origin: "dispute", status: "succeeded" }, disputeActor)); // IB1 due 100
  await setDate(db, "refund", rb1.id, "2026-03-16");
  const rb2 = await db.transaction((tx) => reserveRefund(tx, { paymentId: pb2.id, amount: 30_00n, origin: "staff", status: "pending" }, actor));
  await setDate(db, "refund", rb2.id, "2026-03-17");
  const rb3 = await db.transaction((tx) => reserveRefund(tx, { paymentId: pb2.id, amount: 20_00n, origin: "staff", status: "pending" }, actor));
  await db.transaction((tx) => failRefund(tx, rb3.id, "Account closed", actor));
  await setDate(db, "refund", rb3.id, "2026-03-19");
  const failB1 = await gatewayPayment({ customerId: beta, currency: "USD", amount: 120_00n, method: "paypal", status: "failed", gateway: "paypal", failureReason: "card_declined", receivedOn: "2026-03-09" });
  const failB2 = await gatewayPayment({ customerId: beta, currency: "USD", amount: 45_00n, method: "card", status: "failed", gateway: "stripe", receivedOn: "2026-03-13" });

  const numbers = async (ids: string[]) => new Map((await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(inArray(invoices.id, ids))).map((row) => [row.id, row.number ?? ""]));
  const invoiceNumbers = await numbers([ia1, ia2, ia3, ia4, iaj1, iaj2, ib1].map((row) => row.invoice.id));
  const num = (row: { invoice: { id: string } }) => invoiceNumbers.get(row.invoice.id) ?? "";

  return {
    actor,
    customers: { acme, beta },
    invoices: { ia1: num(ia1), ia2: num(ia2), ia3: num(ia3), ia4: num(ia4), iaj1: num(iaj1), iaj2: num(iaj2), ib1: num(ib1) },
    payments: { pa1: pa1.number, pv: pv.number, pa2: pa2.number, pa3: pa3.number, pa4: pa4.number, pg: pg.number, pb1: pb1.number, pb2: pb2.number },
    failed: { failA: failA.number, failB1: failB1.number, failB2: failB2.number, rejectedA: rejectedA.number, pendingA: pendingA.number, lateFail: lateFail.number },
    creditNotes: { cna1: cna1.number, cna2: cna2.number, cnj1: cnj1.number, cnj2: cnj2.number },
    refunds: { ra0: ra0.id, ra1: ra1.id, ra2: ra2.id, rg: rg.id, cnRefund: cnRefund.id, rb1: rb1.id, rb2: rb2.id, rb3: rb3.id },
  };
}
