import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailMessages, invoices, payments } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { publicTokenFor } from "@/lib/invoices/public-link";
import { listPendingSubmissions } from "@/lib/payment-methods/approvals";
import { createPaymentMethodConfig } from "@/lib/payment-methods/commands";
import { decideManualPayment } from "@/lib/payment-methods/decisions";
import { LINK_NOT_FOUND, MAX_PENDING_SUBMISSIONS, submitManualPayment } from "@/lib/payment-methods/manual-submission";
import { EMPTY_PAYMENT_METHOD_FORM, paymentMethodConfigSchema, type PaymentMethodFormValues } from "@/lib/payment-methods/schemas";
import type { ManualSubmissionInput } from "@/lib/payment-methods/submission-schemas";
import { recordPayment } from "@/lib/payments/record";
import { insertCustomers } from "../helpers/customers";
import { createTestDatabase } from "../helpers/db";
import { readInvoice } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();
const { actor: staff, payment, invoiceOf } = await createPaymentsTestbed(db, { currency: "KES" });
const CUSTOMER: Actor = { userId: null, label: "customer", ip: "203.0.113.9" };
const NOW = new Date("2026-03-10T12:00:00Z");

const config = async (values: Partial<PaymentMethodFormValues>) =>
  createPaymentMethodConfig(db, paymentMethodConfigSchema.parse({ ...EMPTY_PAYMENT_METHOD_FORM, bankAccountNumber: "0011223344", ...values }), staff);

const bank = await config({ method: "bank_transfer", displayName: "Bank transfer" });
const mpesa = await config({ method: "local_wallet", displayName: "M-Pesa", countries: "KE", walletPaybill: "247247" });
const ugandaBank = await config({ method: "bank_transfer", displayName: "Bank (Uganda)", countries: "UG" });
const disabledBank = await config({ method: "bank_transfer", displayName: "Old bank", enabled: false });
const cash = await config({ method: "cash", displayName: "Cash" });

const [kenyan] = await insertCustomers(db, [{ companyName: "Nairobi Traders", currency: "KES", billingCountry: "KE", email: "accounts@nairobi.test" }]);
if (!kenyan) throw new Error("customer insert returned nothing");

/** A sent KES invoice of `total` and its public token. */
async function openInvoice(total = 2_500_00n, allowPartialPayment = false) {
  const invoice = await invoiceOf(kenyan!.id, total, { status: "sent", currency: "KES" });
  if (allowPartialPayment) await db.update(invoices).set({ allowPartialPayment }).where(eq(invoices.id, invoice.id));
  return { invoice, token: publicTokenFor(invoice) };
}

const form = (values: Partial<ManualSubmissionInput> = {}): ManualSubmissionInput => ({
  methodConfigId: bank.id,
  reference: "FT26069XYZ",
  paidOn: "2026-03-09",
  amount: "2,500.00",
  ...values,
});

const submit = (token: string, values: Partial<ManualSubmissionInput> = {}) => submitManualPayment(db, token, form(values), CUSTOMER, NOW);

async function paymentCount(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(payments);
  return row?.n ?? 0;
}

describe("submitManualPayment", () => {
  it("records a pending customer payment for the token's invoice, applied to nothing until approved", async () => {
    const { invoice, token } = await openInvoice();
    const result = await submit(token);
    const [row] = await db.select().from(payments).where(eq(payments.id, result.paymentId));
    expect(row).toMatchObject({
      invoiceId: invoice.id,
      customerId: kenyan.id,
      status: "pending",
      origin: "customer",
      method: "bank_transfer",
      gateway: null,
      methodConfigId: bank.id,
      reference: "FT26069XYZ",
      receivedOn: "2026-03-09",
      amount: 2_500_00n,
      currency: "KES",
    });
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "sent", amountDue: 2_500_00n, amountPaid: 0n });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, result.paymentId), eq(auditLog.action, "payment.pending")));
    expect(audit).toMatchObject({ actorId: null, actorLabel: "customer", ip: "203.0.113.9" });
    expect((await listPendingSubmissions(db)).map((item) => item.id)).toContain(result.paymentId);
  });

  it("records a wallet payment as local_wallet, and a part payment when the invoice allows it", async () => {
    const { token } = await openInvoice(2_500_00n, true);
    const result = await submit(token, { methodConfigId: mpesa.id, amount: "1000" });
    const [row] = await db.select().from(payments).where(eq(payments.id, result.paymentId));
    expect(row).toMatchObject({ method: "local_wallet", amount: 1_000_00n, methodConfigId: mpesa.id });
  });

  it("refuses more than the amount due, or a part when the invoice must be paid in full, at the amount field", async () => {
    const { token } = await openInvoice();
    const before = await paymentCount();
    expect((await refusal(submit(token, { amount: "2500.01" }))).fieldErrors?.amount?.[0]).toMatch(/Only KES\s?2,500\.00 is due on TINV-\d+/);
    expect((await refusal(submit(token, { amount: "100" }))).fieldErrors?.amount?.[0]).toMatch(/must be paid in full/);
    expect((await refusal(submit(token, { amount: "12.345" }))).fieldErrors?.amount?.[0]).toMatch(/KES has at most 2 decimal places/);
    expect((await refusal(submit(token, { amount: "0" }))).fieldErrors?.amount?.[0]).toBe("The amount must be more than 0.");
    expect(await paymentCount()).toBe(before);
  });

  it("refuses a paid invoice", async () => {
    const { invoice, token } = await openInvoice(300_00n);
    await recordPayment(db, payment(kenyan.id, 300_00n, [{ invoiceId: invoice.id, amount: 300_00n }]), staff);
    expect((await refusal(submit(token, { amount: "300" }))).message).toMatch(/already paid/);
  });

  it("answers one generic 'not found' for a bad or tampered token", async () => {
    const { token } = await openInvoice();
    expect((await refusal(submit("not-a-token"))).message).toBe(LINK_NOT_FOUND);
    const tampered = `${token.slice(0, 40)}${token[40] === "A" ? "B" : "A"}${token.slice(41)}`;
    expect((await refusal(submit(tampered))).message).toBe(LINK_NOT_FOUND);
  });

  it("refuses a method not offered to this customer: another country's, disabled, instructions-only or unknown", async () => {
    const { token } = await openInvoice();
    for (const methodConfigId of [ugandaBank.id, disabledBank.id, cash.id, "00000000-0000-4000-8000-000000000000"]) {
      const error = await refusal(submit(token, { methodConfigId }));
      expect(error.fieldErrors?.methodConfigId?.[0]).toBe("That payment method is not offered for this invoice.");
    }
  });

  it("refuses a date in the future or over a year ago", async () => {
    const { token } = await openInvoice();
    expect((await refusal(submit(token, { paidOn: "2026-03-12" }))).fieldErrors?.paidOn?.[0]).toMatch(/future/);
    expect((await refusal(submit(token, { paidOn: "2025-01-01" }))).fieldErrors?.paidOn?.[0]).toMatch(/more than a year ago/);
    await submit(token, { paidOn: "2026-03-11" });
  });

  it(`takes at most ${MAX_PENDING_SUBMISSIONS} pending submissions per invoice; a decision frees a place`, async () => {
    const { token } = await openInvoice(5_000_00n, true);
    const ids: string[] = [];
    for (let i = 0; i < MAX_PENDING_SUBMISSIONS; i += 1) ids.push((await submit(token, { amount: "100", reference: `REF-${i}` })).paymentId);
    const before = await paymentCount();
    expect((await refusal(submit(token, { amount: "100" }))).message).toMatch(/already have 5 payments .* waiting for confirmation/);
    expect(await paymentCount()).toBe(before);

    await decideManualPayment(db, { paymentId: ids[0]!, decision: "reject", reason: "No such transfer on our statement." }, staff);
    await submit(token, { amount: "100", reference: "REF-again" });
  });
});

describe("staff decisions", () => {
  it("approving applies the money to the invoice and emails the customer a confirmation", async () => {
    const { invoice, token } = await openInvoice();
    const { paymentId } = await submit(token);
    const approved = await decideManualPayment(db, { paymentId, decision: "approve" }, staff);
    expect(approved).toMatchObject({ status: "succeeded", decidedBy: staff.userId });
    expect(approved.receiptNumber).toMatch(/^REC-/);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountDue: 0n, amountPaid: 2_500_00n });
    expect((await listPendingSubmissions(db)).map((item) => item.id)).not.toContain(paymentId);
    const emails = await db.select().from(emailMessages).where(and(eq(emailMessages.entityType, "payment"), eq(emailMessages.entityId, paymentId)));
    expect(emails.map((email) => email.toAddresses)).toContainEqual(["accounts@nairobi.test"]);
  });

  it("rejecting keeps the invoice as it was, emails the reason, and cannot be approved afterwards", async () => {
    const { invoice, token } = await openInvoice();
    const { paymentId } = await submit(token);
    const rejected = await decideManualPayment(db, { paymentId, decision: "reject", reason: "Reference not found" }, staff);
    expect(rejected).toMatchObject({ status: "rejected", rejectReason: "Reference not found" });
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "sent", amountDue: 2_500_00n });
    const emails = await db.select().from(emailMessages).where(and(eq(emailMessages.entityType, "payment"), eq(emailMessages.entityId, paymentId)));
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain("Reference not found");
    expect((await refusal(decideManualPayment(db, { paymentId, decision: "approve" }, staff))).message).toMatch(/already rejected/);
  });
});
