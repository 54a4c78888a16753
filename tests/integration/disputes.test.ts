import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allocations, auditLog, disputes, payments, refunds } from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit";
import { addDisputeNote, saveDisputeEvidence, submitDisputeEvidence } from "@/lib/disputes/commands";
import { upsertDisputeFromStripe, type StripeDisputeReport } from "@/lib/disputes/ingest";
import { getDisputeDetail, listDisputes } from "@/lib/disputes/queries";
import { getPaymentDetail } from "@/lib/payments/detail";
import { recordPayment } from "@/lib/payments/record";
import { reserveRefund } from "@/lib/refunds/ledger";
import { createTestDatabase } from "../helpers/db";
import { insertTestCustomer, readInvoice } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();
const { actor, payment, invoiceOf } = await createPaymentsTestbed(db);
const STRIPE: Actor = { userId: null, label: "stripe" };

let sequence = 0;

/** A customer whose $100 invoice is paid in full by a Stripe card payment (PaymentIntent pi_…). */
async function paidByCard(total = 100_00n) {
  sequence += 1;
  const customerId = await insertTestCustomer(db, `Dispute Co ${sequence}`);
  const invoice = await invoiceOf(customerId, total, { status: "sent" });
  const recorded = await recordPayment(db, payment(customerId, total, [{ invoiceId: invoice.id, amount: total }]), actor);
  const paymentIntentId = `pi_dispute_${sequence}_${Date.now()}`;
  await db.update(payments).set({ method: "card", gateway: "stripe", gatewayPaymentId: paymentIntentId }).where(eq(payments.id, recorded.paymentId));
  return { customerId, invoiceId: invoice.id, paymentId: recorded.paymentId, paymentIntentId };
}

const report = (paymentIntentId: string, extra: Partial<StripeDisputeReport> = {}): StripeDisputeReport => ({
  id: `du_${paymentIntentId}`,
  amount: 100_00n,
  currency: "USD",
  reason: "fraudulent",
  status: "needs_response",
  paymentIntentId,
  evidenceDueBy: new Date("2026-04-01T00:00:00Z"),
  ...extra,
});

const ingest = (r: StripeDisputeReport) => db.transaction((tx) => upsertDisputeFromStripe(tx, r, STRIPE));

describe("upsertDisputeFromStripe", () => {
  it("opens a case once, follows its updates, and a lost dispute takes the money back off the invoice exactly once", async () => {
    const paid = await paidByCard();
    expect(await readInvoice(db, paid.invoiceId)).toMatchObject({ status: "paid", amountPaid: 100_00n, amountDue: 0n });

    const opened = await ingest(report(paid.paymentIntentId));
    expect(opened).toMatchObject({ created: true, lostNow: false });
    expect(opened.dispute).toMatchObject({ paymentId: paid.paymentId, status: "needs_response", amount: 100_00n, currency: "USD", closedAt: null, lostRefundId: null });

    // the same "created" event again changes nothing
    const again = await ingest(report(paid.paymentIntentId));
    expect(again).toMatchObject({ created: false, lostNow: false });
    expect(again.dispute.id).toBe(opened.dispute.id);

    const later = new Date("2026-04-05T00:00:00Z");
    const updated = await ingest(report(paid.paymentIntentId, { status: "under_review", evidenceDueBy: later }));
    expect(updated.dispute).toMatchObject({ status: "under_review", evidenceDueBy: later });
    expect(await readInvoice(db, paid.invoiceId)).toMatchObject({ amountPaid: 100_00n, amountDue: 0n });

    const lost = await ingest(report(paid.paymentIntentId, { status: "lost", evidenceDueBy: later }));
    expect(lost.lostNow).toBe(true);
    expect(lost.dispute.status).toBe("lost");
    expect(lost.dispute.closedAt).toBeInstanceOf(Date);
    expect(lost.dispute.lostRefundId).not.toBeNull();
    const afterLoss = await readInvoice(db, paid.invoiceId);
    expect(afterLoss).toMatchObject({ amountPaid: 0n, amountDue: 100_00n });

    // the lost event delivered twice more: nothing further comes off
    for (let i = 0; i < 2; i += 1) {
      const replay = await ingest(report(paid.paymentIntentId, { status: "lost", evidenceDueBy: later }));
      expect(replay.lostNow).toBe(false);
    }
    expect(await readInvoice(db, paid.invoiceId)).toMatchObject({ amountPaid: 0n, amountDue: 100_00n });
    const refundRows = await db.select().from(refunds).where(eq(refunds.paymentId, paid.paymentId));
    expect(refundRows).toHaveLength(1);
    expect(refundRows[0]).toMatchObject({ id: lost.dispute.lostRefundId, origin: "dispute", status: "succeeded", amount: 100_00n, reason: "Dispute lost" });
    const negative = await db.select().from(allocations).where(eq(allocations.refundId, refundRows[0]!.id));
    expect(negative.map((row) => row.amount)).toEqual([-100_00n]);

    // a late "updated" event never reopens a closed case
    const late = await ingest(report(paid.paymentIntentId, { status: "under_review" }));
    expect(late.dispute.status).toBe("lost");

    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "dispute"), eq(auditLog.entityId, opened.dispute.id)));
    expect(audits.map((row) => row.action).sort()).toEqual(["dispute.lost", "dispute.open", "dispute.update"]);
  });

  it("a partly lost dispute takes back only its amount; a won one leaves the balances alone", async () => {
    const partly = await paidByCard();
    await ingest(report(partly.paymentIntentId, { amount: 30_00n }));
    await ingest(report(partly.paymentIntentId, { amount: 30_00n, status: "lost" }));
    expect(await readInvoice(db, partly.invoiceId)).toMatchObject({ status: "partial", amountPaid: 70_00n, amountDue: 30_00n });

    const won = await paidByCard();
    await ingest(report(won.paymentIntentId));
    const result = await ingest(report(won.paymentIntentId, { status: "won" }));
    expect(result.dispute).toMatchObject({ status: "won", lostRefundId: null });
    expect(result.dispute.closedAt).toBeInstanceOf(Date);
    expect(await readInvoice(db, won.invoiceId)).toMatchObject({ status: "paid", amountPaid: 100_00n, amountDue: 0n });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, won.paymentId))).toHaveLength(0);
    // and a "lost" after "won" is an older event: ignored
    const stale = await ingest(report(won.paymentIntentId, { status: "lost" }));
    expect(stale).toMatchObject({ lostNow: false, dispute: { status: "won" } });
    expect(await readInvoice(db, won.invoiceId)).toMatchObject({ amountPaid: 100_00n });
  });

  it("a dispute first seen as lost still takes the money back once; money already refunded is not lost twice", async () => {
    const paid = await paidByCard();
    await db.transaction((tx) => reserveRefund(tx, { paymentId: paid.paymentId, amount: 40_00n, reason: "goodwill", origin: "staff", status: "succeeded" }, actor));
    expect(await readInvoice(db, paid.invoiceId)).toMatchObject({ amountPaid: 60_00n });
    const lost = await ingest(report(paid.paymentIntentId, { status: "lost" }));
    expect(lost).toMatchObject({ created: true, lostNow: true, dispute: { status: "lost" } });
    expect(await readInvoice(db, paid.invoiceId)).toMatchObject({ amountPaid: 0n, amountDue: 100_00n });
  });

  it("refuses a dispute for a payment we do not know (the webhook answers 5xx and Stripe retries)", async () => {
    await expect(ingest(report("pi_unknown"))).rejects.toThrow(/No payment/);
    expect(await db.select().from(disputes).where(eq(disputes.gatewayDisputeId, "du_pi_unknown"))).toHaveLength(0);
  });
});

describe("dispute cases", () => {
  it("lists open cases first, soonest evidence deadline first; shows notes and timeline; shows on the payment", async () => {
    const a = await paidByCard();
    const b = await paidByCard();
    const c = await paidByCard();
    const far = await ingest(report(a.paymentIntentId, { evidenceDueBy: new Date("2030-02-01T00:00:00Z") }));
    const near = await ingest(report(b.paymentIntentId, { evidenceDueBy: new Date("2030-01-01T00:00:00Z") }));
    const closed = await ingest(report(c.paymentIntentId));
    await ingest(report(c.paymentIntentId, { status: "won" }));

    const open = await listDisputes(db, "open");
    const openIds = open.rows.map((row) => row.id);
    expect(openIds.indexOf(near.dispute.id)).toBeLessThan(openIds.indexOf(far.dispute.id));
    expect(openIds).not.toContain(closed.dispute.id);
    const all = (await listDisputes(db, undefined)).rows.map((row) => row.id);
    expect(all.indexOf(far.dispute.id)).toBeLessThan(all.indexOf(closed.dispute.id));
    expect((await listDisputes(db, "won")).rows.map((row) => row.id)).toContain(closed.dispute.id);

    await addDisputeNote(db, { disputeId: near.dispute.id, body: "Customer says the parcel never came." }, actor);
    const detail = await getDisputeDetail(db, near.dispute.id);
    expect(detail?.notes.map((note) => note.body)).toEqual(["Customer says the parcel never came."]);
    expect(detail?.timeline.map((item) => item.action)).toEqual(["dispute.note", "dispute.open"]);
    expect(detail?.payment.id).toBe(b.paymentId);

    const paymentPage = await getPaymentDetail(db, b.paymentId);
    expect(paymentPage?.disputes.map((row) => row.id)).toEqual([near.dispute.id]);
    expect(paymentPage?.timeline.some((item) => item.id === `dispute-${near.dispute.id}`)).toBe(true);
  });

  it("saves evidence, submits it to Stripe once, and keeps it unsubmitted when Stripe refuses", async () => {
    const paid = await paidByCard();
    const { dispute } = await ingest(report(paid.paymentIntentId));
    await saveDisputeEvidence(db, { disputeId: dispute.id, text: "Draft" }, actor);

    const refusedBy = async () => {
      throw new Error("stripe 500");
    };
    const failed = await refusal(submitDisputeEvidence(db, { disputeId: dispute.id, text: "Signed delivery note" }, actor, refusedBy));
    expect(failed.message).toMatch(/Stripe did not accept/);
    const [kept] = await db.select().from(disputes).where(eq(disputes.id, dispute.id));
    expect(kept).toMatchObject({ evidenceText: "Signed delivery note", evidenceSubmittedAt: null });

    const sent: [string, string][] = [];
    const submitted = await submitDisputeEvidence(db, { disputeId: dispute.id, text: "Signed delivery note" }, actor, async (id, text) => {
      sent.push([id, text]);
    });
    expect(sent).toEqual([[dispute.gatewayDisputeId, "Signed delivery note"]]);
    expect(submitted.evidenceSubmittedAt).toBeInstanceOf(Date);
    expect(submitted.evidenceSubmittedBy).toBe(actor.userId);

    const twice = await refusal(submitDisputeEvidence(db, { disputeId: dispute.id, text: "More" }, actor, async () => undefined));
    expect(twice.message).toMatch(/already submitted/);
    expect(sent).toHaveLength(1);
    const notes = await refusal(addDisputeNote(db, { disputeId: "00000000-0000-4000-8000-000000000000", body: "x" }, SYSTEM_ACTOR));
    expect(notes.message).toMatch(/no longer exists/);
  });
});
