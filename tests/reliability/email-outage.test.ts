import { count, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { emailAttachments, emailMessages, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { env } from "@/lib/env";
import { createPendingPayment } from "@/lib/payments/online/pending";
import { settlePayment } from "@/lib/payments/online/settle";
import { deliverQueuedEmails, queueReceiptEmail } from "@/lib/receipts/notices";
import { startFakeResend } from "../fakes/resend";
import { insertCustomers } from "../helpers/customers";
import { insertFinalizedInvoice } from "../helpers/invoice-rows";
import { captureConsoleErrors } from "./capture";
import { inLanes, runSeed, shuffled } from "./concurrency";
import { reliabilityDatabase } from "./database";
import { expectLedgerToHold } from "./ledger";
import { reliabilityScale } from "./scale";

// The email provider down for a while (500s before and after taking the message, calls that hang
// and drop), then back; the app's delivery path (deliverQueuedEmails, the after-commit step of every
// payment) run again and again by several workers at once, as a retry job would.
const scale = reliabilityScale();
const resend = await startFakeResend("re_reliability_key", { hangMs: 400 });
afterAll(() => resend.close());
// env() is parsed once per file: point the transport at the fake before anything reads it
Object.assign(process.env, { RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.baseUrl });
if (env().RESEND_BASE_URL !== resend.baseUrl) throw new Error("env() was read before the fake Resend was configured");
const { db } = await reliabilityDatabase(scale);
await seedIfEmpty(db, () => {});

const WORKERS = 3;
const GATEWAY: Actor = { userId: null, label: "stripe" };

/** Payments settled as the Stripe webhook settles them: receipt and staff notices queued in the same transaction. */
async function settledWithNotices(n: number): Promise<string[]> {
  const customers = await insertCustomers(
    db,
    Array.from({ length: n }, (_, i) => ({ companyName: `Receipt Co ${i}`, email: `receipt-${i}@outage.test` })),
  );
  const ids = await inLanes(n, 4, async (i) => {
    const { invoice } = await insertFinalizedInvoice(db, { customerId: customers[i]!.id, status: "sent", lines: [{ quantity: 1, unitPrice: BigInt(20_00 + i) }] });
    return db.transaction(async (tx) => {
      const payment = await createPendingPayment(tx, { invoiceId: invoice.id, amount: invoice.total, method: "card", origin: "customer", gateway: "stripe" }, GATEWAY);
      await settlePayment(tx, payment.id, { amount: invoice.total, currency: "USD", gatewayPaymentId: `pi_outage_${i}` }, GATEWAY);
      return queueReceiptEmail(tx, payment.id);
    });
  });
  return ids.flat();
}

async function statusCounts(ids: string[]) {
  const rows = await db.select({ status: emailMessages.status, n: count() }).from(emailMessages).where(inArray(emailMessages.id, ids)).groupBy(emailMessages.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

describe(`email provider failing, then recovering (${scale.name})`, () => {
  it(`delivers every one of ${scale.receiptPayments} receipts and their staff notices exactly once`, async () => {
    const seed = runSeed("email outage");
    const [staff] = await db.select({ n: count() }).from(users).where(inArray(users.role, ["admin", "finance"]));
    const ids = await settledWithNotices(scale.receiptPayments);
    expect(ids).toHaveLength(scale.receiptPayments * (1 + (staff?.n ?? 0)));

    // the outage: every call of the first round refused, then messages taken but answered 500,
    // calls hanging until the connection drops, more refusals; then the provider recovers
    const n = ids.length;
    resend.failNext(WORKERS * n, "error-before");
    resend.failNext(Math.ceil(n / 2), "error-after");
    resend.failNext(Math.ceil(n / 4), "timeout");
    resend.failNext(n, "error-before");
    const errors = captureConsoleErrors();
    const history: Record<string, number>[] = [];
    try {
      for (let round = 1; round <= 12; round++) {
        await Promise.all(Array.from({ length: WORKERS }, (_, worker) => deliverQueuedEmails(db, shuffled(ids, seed + round * WORKERS + worker))));
        const counts = await statusCounts(ids);
        history.push(counts);
        // consistent at every step: what the app calls sent, the provider has, under the id it gave
        const sent = await db.select().from(emailMessages).where(inArray(emailMessages.id, ids));
        for (const row of sent) {
          if (row.status === "sent") expect(row.providerMessageId).toBe(resend.idFor(`email-${row.id}`));
          else expect(row).toMatchObject({ status: "failed", error: expect.stringMatching(/^Resend refused the message/) });
        }
        if (counts.sent === n) break;
      }
    } finally {
      errors.restore();
    }
    console.info(`email outage: ${n} emails, statuses after each round ${JSON.stringify(history)}, ${[...resend.attempts.values()].reduce((a, b) => a + b, 0)} calls`);
    expect(resend.faultsLeft()).toBe(0);
    expect(history[0]).toEqual({ failed: n });
    expect(history.at(-1)).toEqual({ sent: n });
    // the failures the app survived are logged as such, nothing else
    for (const line of errors.logged) expect(line).toMatch(/^Email [0-9a-f-]{36} could not be delivered; it is marked failed in the outbox\.$/);
    expect(errors.logged.length).toBeGreaterThan(0);

    // none lost, none sent twice: exactly one message per outbox row at the provider, under its key
    expect(resend.received.map((email) => email.idempotencyKey).sort()).toEqual(ids.map((id) => `email-${id}`).sort());
    const sentTo = resend.received.map((email) => `${email.body.to.join(",")} ${email.body.subject}`);
    expect(new Set(sentTo).size).toBe(sentTo.length);
    const rows = await db.select().from(emailMessages).where(inArray(emailMessages.id, ids));
    for (const row of rows) {
      expect(row).toMatchObject({ status: "sent", transport: "resend", error: null, sentAt: expect.any(Date) });
      expect(row.providerMessageId).toBe(resend.idFor(`email-${row.id}`));
    }
    // each customer receipt went out with its one PDF, stored once however many workers raced to attach it
    const receipts = rows.filter((row) => row.template === "receipt");
    expect(receipts).toHaveLength(scale.receiptPayments);
    for (const receipt of receipts) {
      const delivered = resend.received.find((email) => email.idempotencyKey === `email-${receipt.id}`);
      expect(delivered?.body.attachments?.map((file) => file.filename)).toEqual([expect.stringMatching(/^REC-\d{4}-\d{5}\.pdf$/)]);
      const [stored] = await db.select({ n: count() }).from(emailAttachments).where(eq(emailAttachments.emailMessageId, receipt.id));
      expect(stored?.n).toBe(1);
    }
    await expectLedgerToHold(db);
  });
});
