import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allocations, disputes, emailAttachments, emailMessages, payments, refunds, users, type Invoice, type Payment } from "@/db/schema";
import { getEmailMessage } from "@/lib/email/outbox";
import { publicPathFor } from "@/lib/invoices/public-link";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { renderReceiptPdf } from "@/lib/pdf/receipt-render";
import {
  deliverQueuedEmails,
  queueDisputeOpenedEmail,
  queueManualDecisionEmail,
  queuePaymentFailedEmail,
  queueReceiptEmail,
  queueRefundEmail,
} from "@/lib/receipts/notices";
import { createTestDatabase } from "../helpers/db";
import { createFinalizedInvoice, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";
import { insertTestCustomer, insertFinalizedInvoice } from "../helpers/invoice-rows";
import { pdfText } from "../unit/pdf-fixtures";

const { db } = await createTestDatabase();
const APP_URL = "http://localhost:3000";

let world: InvoiceWorld;
let seq = 0;

beforeAll(async () => {
  world = await seedInvoiceWorld(db);
  // a deactivated finance user and an admin who must not get notices, beside the seeded staff
  await db.insert(users).values({ email: "gone@demo.cleanpay.test", name: "Gone", role: "finance", deactivatedAt: new Date() });
});

type PaymentOptions = Partial<typeof payments.$inferInsert> & { applied?: bigint };

/** A payment as the ledger leaves it: succeeded with a REC number, `applied` allocated to the invoice. */
async function insertPayment(invoice: Invoice, amount: bigint, options: PaymentOptions = {}): Promise<Payment> {
  const n = ++seq;
  const { applied = amount, ...values } = options;
  return db.transaction(async (tx) => {
    const status = values.status ?? "succeeded";
    const [payment] = await tx
      .insert(payments)
      .values({
        number: `PAY-2026-9${String(n).padStart(4, "0")}`,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        currency: invoice.currency,
        amount,
        method: "card",
        status,
        origin: "customer",
        gateway: "stripe",
        gatewayPaymentId: `pi_test_${n}`,
        receivedOn: "2026-03-05",
        succeededAt: status === "succeeded" ? new Date() : null,
        receiptNumber: status === "succeeded" ? `REC-2026-9${String(n).padStart(4, "0")}` : null,
        ...values,
      })
      .returning();
    if (!payment) throw new Error("payment insert returned nothing");
    if (payment.status === "succeeded" && applied > 0n) {
      await tx.insert(allocations).values({ invoiceId: invoice.id, paymentId: payment.id, amount: applied });
      await refreshInvoiceBalance(tx, invoice.id);
    }
    return payment;
  });
}

const queued = (fn: (tx: typeof db) => Promise<string[]>) => db.transaction((tx) => fn(tx));

async function messages(ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(emailMessages).where(inArray(emailMessages.id, ids));
}

async function attachmentBytes(emailId: string): Promise<Buffer> {
  const [file] = await db.select({ content: emailAttachments.content }).from(emailAttachments).where(eq(emailAttachments.emailMessageId, emailId));
  if (!file) throw new Error("no attachment");
  return Buffer.from(file.content);
}

describe("queueReceiptEmail", () => {
  it("queues the customer's receipt with its PDF and a staff notice to each active admin and finance user", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const payment = await insertPayment(invoice, 300_00n, { reference: "card ending 4242" });
    const ids = await queued((tx) => queueReceiptEmail(tx, payment.id));
    const rows = await messages(ids);

    const customerMail = rows.filter((row) => row.template === "receipt");
    expect(customerMail).toHaveLength(1);
    const receipt = customerMail[0]!;
    expect(receipt).toMatchObject({
      toAddresses: [world.customer.email],
      subject: `Receipt ${payment.receiptNumber} from Demo Trading Ltd`,
      status: "queued",
      entityType: "payment",
      entityId: payment.id,
    });
    expect(receipt.text).toContain("$300.00");
    expect(receipt.text).toContain(invoice.number);
    expect(receipt.text).toContain("$220.25 still due");
    expect(receipt.text).toContain("Card (Stripe)");
    expect(receipt.html).toContain(`${APP_URL}${publicPathFor(invoice)}`);
    // the PDF is rendered at delivery, after the payment's transaction: none while queued
    expect((await getEmailMessage(db, receipt.id))?.attachments).toEqual([]);
    await deliverQueuedEmails(db, ids);
    await deliverQueuedEmails(db, ids);
    const detail = await getEmailMessage(db, receipt.id);
    expect(detail?.status).toBe("sent");
    expect(detail?.attachments).toEqual([{ filename: `${payment.receiptNumber}.pdf`, contentType: "application/pdf", size: expect.any(Number) }]);

    const text = pdfText(await attachmentBytes(receipt.id));
    expect(text).toContain("RECEIPT");
    expect(text).toContain(payment.receiptNumber!);
    expect(text).toContain("$300.00");
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toContain("$220.25");
    expect(text).toContain(world.customer.displayName);
    expect(text).toContain("Demo Trading Ltd");
    expect(text).toContain("card ending 4242");

    const staff = rows.filter((row) => row.template === "payment-received-staff");
    expect(staff.map((row) => row.toAddresses).sort()).toEqual([["admin@demo.cleanpay.test"], ["finance@demo.cleanpay.test"]]);
    for (const row of staff) {
      expect(row.subject).toBe(`Payment received: $300.00 from ${world.customer.displayName}`);
      expect(row.html).toContain(`${APP_URL}/payments/${payment.id}`);
      expect(row).toMatchObject({ entityType: "payment", entityId: payment.id });
    }
    expect(rows).toHaveLength(3);
  });

  it("prints what is kept as credit when the payment is more than the invoice took", async () => {
    const customerId = await insertTestCustomer(db, "Credit Co");
    const { invoice } = await insertFinalizedInvoice(db, { customerId, lines: [{ quantity: 1, unitPrice: 80_00n }] });
    const payment = await insertPayment(invoice, 100_00n, { applied: 80_00n, method: "bank_transfer", gateway: null, gatewayPaymentId: null });
    const text = pdfText(Buffer.from(await renderReceiptPdf(db, payment.id)));
    expect(text).toContain("Kept as credit $20.00");
    expect(text).toContain("Your credit balance $20.00");
    expect(text).toContain("Bank transfer");
    expect(text).toContain("Paid in full");
  });

  it("sends only the staff notice when the customer has no email address", async () => {
    const customerId = await insertTestCustomer(db, "No Mail Co");
    const { invoice } = await insertFinalizedInvoice(db, { customerId, lines: [{ quantity: 1, unitPrice: 50_00n }] });
    const payment = await insertPayment(invoice, 50_00n);
    const rows = await messages(await queued((tx) => queueReceiptEmail(tx, payment.id)));
    expect(rows.map((row) => row.template)).toEqual(["payment-received-staff", "payment-received-staff"]);
  });

  it("queues nothing for a payment without a receipt, and nothing survives a rolled-back transaction", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const pending = await insertPayment(invoice, 10_00n, { status: "pending" });
    expect(await queued((tx) => queueReceiptEmail(tx, pending.id))).toEqual([]);
    await expect(renderReceiptPdf(db, pending.id)).rejects.toThrow(/no receipt/);

    const paid = await insertPayment(invoice, 10_00n);
    let ids: string[] = [];
    await expect(
      db.transaction(async (tx) => {
        ids = await queueReceiptEmail(tx, paid.id);
        throw new Error("the settlement failed after queueing");
      }),
    ).rejects.toThrow("the settlement failed");
    expect(ids.length).toBeGreaterThan(0);
    expect(await messages(ids)).toEqual([]);
  });
});

describe("deliverQueuedEmails", () => {
  it("delivers each queued notice and never throws, even for an id that does not exist", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const payment = await insertPayment(invoice, 20_00n);
    const ids = await queued((tx) => queueReceiptEmail(tx, payment.id));
    await expect(deliverQueuedEmails(db, [...ids, "00000000-0000-4000-8000-000000000000"])).resolves.toBeUndefined();
    expect((await messages(ids)).map((row) => row.status)).toEqual(ids.map(() => "sent"));
  });
});

describe("the other notices", () => {
  it("payment failed: the customer gets the reason and the retry link", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const payment = await insertPayment(invoice, 520_25n, { status: "failed", failureReason: "Your card was declined." });
    const retryUrl = `${APP_URL}${publicPathFor(invoice)}`;
    const [row] = await messages(await queued((tx) => queuePaymentFailedEmail(tx, payment.id, retryUrl)));
    expect(row).toMatchObject({
      template: "payment-failed",
      toAddresses: [world.customer.email],
      subject: `Your payment for invoice ${invoice.number} did not go through`,
      entityType: "payment",
      entityId: payment.id,
    });
    expect(row?.html).toContain(retryUrl);
    expect(row?.text).toContain("Your card was declined.");
    expect(row?.text).toContain("$520.25");
  });

  it("refund: amount, the original payment and receipt, what remains and what is due now", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const payment = await insertPayment(invoice, 520_25n);
    const refund = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(refunds)
        .values({ customerId: invoice.customerId, paymentId: payment.id, currency: "USD", amount: 40_00n, method: "card", gateway: "stripe", gatewayRefundId: `re_${payment.id}`, refundedOn: "2026-03-07", reason: "One hour billed twice" })
        .returning();
      await tx.insert(allocations).values({ invoiceId: invoice.id, paymentId: payment.id, amount: -40_00n, refundId: row!.id });
      await refreshInvoiceBalance(tx, invoice.id);
      return row!;
    });
    const [row] = await messages(await queued((tx) => queueRefundEmail(tx, refund.id)));
    expect(row).toMatchObject({ template: "refund", toAddresses: [world.customer.email], subject: "Refund of $40.00 from Demo Trading Ltd", entityType: "refund", entityId: refund.id });
    expect(row?.text).toContain(`${payment.number} (receipt ${payment.receiptNumber})`);
    expect(row?.text).toContain("$480.25");
    expect(row?.text).toContain(`Invoice ${invoice.number}: $40.00 now due`);
    expect(row?.text).toContain("One hour billed twice");

    await db.update(refunds).set({ status: "pending" }).where(eq(refunds.id, refund.id));
    expect(await queued((tx) => queueRefundEmail(tx, refund.id))).toEqual([]);
  });

  it("manual decision: approved reads as a receipt with the PDF, rejected gives the reason", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const approved = await insertPayment(invoice, 100_00n, { method: "bank_transfer", gateway: null, gatewayPaymentId: null, reference: "EQ-1", decidedAt: new Date() });
    const approvedIds = await queued((tx) => queueManualDecisionEmail(tx, approved.id));
    await deliverQueuedEmails(db, approvedIds);
    const [yes] = await messages(approvedIds);
    expect(yes).toMatchObject({ template: "manual-payment-decision", subject: `Payment confirmed: receipt ${approved.receiptNumber} from Demo Trading Ltd`, entityId: approved.id });
    expect(pdfText(await attachmentBytes(yes!.id))).toContain(approved.receiptNumber!);

    const rejected = await insertPayment(invoice, 70_00n, { status: "rejected", method: "bank_transfer", gateway: null, gatewayPaymentId: null, reference: "EQ-2", rejectReason: "No such transfer on our statement" });
    const rejectedIds = await queued((tx) => queueManualDecisionEmail(tx, rejected.id));
    await deliverQueuedEmails(db, rejectedIds);
    const [no] = await messages(rejectedIds);
    expect(no).toMatchObject({ template: "manual-payment-decision", subject: `We could not confirm your payment for invoice ${invoice.number}`, toAddresses: [world.customer.email] });
    expect(no?.text).toContain("No such transfer on our statement");
    expect(no?.text).toContain("EQ-2");
    expect(await getEmailMessage(db, no!.id)).toMatchObject({ attachments: [] });

    const pending = await insertPayment(invoice, 10_00n, { status: "pending" });
    expect(await queued((tx) => queueManualDecisionEmail(tx, pending.id))).toEqual([]);
  });

  it("dispute opened: every active admin, with amount, reason, due date and the case link", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const payment = await insertPayment(invoice, 520_25n);
    const [dispute] = await db
      .insert(disputes)
      .values({ paymentId: payment.id, gateway: "stripe", gatewayDisputeId: `dp_${payment.id}`, currency: "USD", amount: 520_25n, reason: "fraudulent", status: "needs_response", evidenceDueBy: new Date("2026-04-02T23:59:00Z") })
      .returning();
    const rows = await messages(await queued((tx) => queueDisputeOpenedEmail(tx, dispute!.id)));
    expect(rows.map((row) => row.toAddresses)).toEqual([["admin@demo.cleanpay.test"]]);
    expect(rows[0]).toMatchObject({ template: "dispute-opened", subject: `Dispute opened: $520.25 on payment ${payment.number}`, entityType: "dispute", entityId: dispute!.id });
    expect(rows[0]?.html).toContain(`${APP_URL}/disputes/${dispute!.id}`);
    expect(rows[0]?.text).toContain("fraudulent");
    expect(rows[0]?.text).toContain("2 Apr 2026, 23:59 UTC");
  });
});
