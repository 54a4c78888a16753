import { count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, invoices, payments } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { applyCustomerCredit, customerCreditBalance } from "@/lib/payments/credit";
import { createPendingPayment } from "@/lib/payments/online/pending";
import { settlePayment } from "@/lib/payments/online/settle";
import { recordPayment } from "@/lib/payments/record";
import { insertTestCustomer, readInvoice } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";
import { runSeed, shuffled } from "./concurrency";
import { reliabilityDatabase } from "./database";
import { expectLedgerToHold } from "./ledger";
import { reliabilityScale } from "./scale";

// Money arriving from every side at once on one invoice: staff recording transfers (exact, with
// an excess kept as credit, credit only), card payments settling (each reported twice), and staff
// applying the customer's credit to a second invoice while that credit is still being made.
const scale = reliabilityScale();
const { db } = await reliabilityDatabase(scale);
const { actor, payment, invoiceOf } = await createPaymentsTestbed(db, { keepExcessAsCredit: true });
const GATEWAY: Actor = { userId: null, label: "stripe" };

const TOTAL = 1_000_00n;
const PIECE = 40_00n;
const CREDIT_USE = 30_00n;

type Attempt =
  | { kind: "manual"; shape: "exact" | "excess" | "credit"; amount: bigint; allocated: bigint }
  | { kind: "online"; paymentId: string; amount: bigint }
  | { kind: "credit"; amount: bigint };

describe(`payments racing on one invoice (${scale.name})`, () => {
  it(`accounts for ${scale.paymentsOnOneInvoice} payments made at once, to the last minor unit`, async () => {
    const seed = runSeed("payments race");
    const customerId = await insertTestCustomer(db, "Race Co");
    const target = await invoiceOf(customerId, TOTAL);
    const second = await invoiceOf(customerId, 300_00n);
    await db.update(invoices).set({ allowPartialPayment: true }).where(eq(invoices.id, target.id));

    // card payments started before the race, together worth twice the invoice: it must end paid
    const onlineCount = Math.max(2, Math.floor(scale.paymentsOnOneInvoice * 0.4));
    const onlineAmount = (2n * TOTAL + BigInt(onlineCount) - 1n) / BigInt(onlineCount);
    const online = [];
    for (let i = 0; i < onlineCount; i++) {
      online.push(await db.transaction((tx) => createPendingPayment(tx, { invoiceId: target.id, amount: onlineAmount, method: "card", origin: "customer", gateway: "stripe" }, GATEWAY)));
    }
    const manualShapes = ["exact", "excess", "credit"] as const;
    const attempts: Attempt[] = [
      ...Array.from({ length: scale.paymentsOnOneInvoice - onlineCount }, (_, i): Attempt => {
        const shape = manualShapes[i % 3]!;
        return { kind: "manual", shape, amount: shape === "exact" ? PIECE : shape === "excess" ? PIECE + 15_00n : 25_00n, allocated: shape === "credit" ? 0n : PIECE };
      }),
      // each settlement reported twice, as a webhook and its retry would
      ...online.flatMap((row): Attempt[] => Array.from({ length: 2 }, () => ({ kind: "online", paymentId: row.id, amount: onlineAmount }))),
      ...Array.from({ length: Math.ceil(scale.paymentsOnOneInvoice / 5) }, (): Attempt => ({ kind: "credit", amount: CREDIT_USE })),
    ];
    const order = shuffled(attempts, seed);
    const outcomes = await Promise.allSettled(
      order.map((attempt, i) => {
        if (attempt.kind === "online") {
          return db.transaction((tx) => settlePayment(tx, attempt.paymentId, { amount: attempt.amount, currency: "USD", gatewayPaymentId: `pi_race_${attempt.paymentId}` }, GATEWAY));
        }
        if (attempt.kind === "credit") return applyCustomerCredit(db, { customerId, invoiceId: second.id, amount: attempt.amount }, actor);
        const allocations = attempt.allocated > 0n ? [{ invoiceId: target.id, amount: attempt.allocated }] : [];
        return recordPayment(db, payment(customerId, attempt.amount, allocations, { reference: `TRX-${i}` }), actor);
      }),
    );

    // every refusal is a UserError that explains itself; nothing else failed
    const refusals = outcomes.flatMap((outcome, i) => (outcome.status === "rejected" ? [{ attempt: order[i]!, reason: outcome.reason }] : []));
    for (const { attempt, reason } of refusals) {
      expect(reason, String(reason)).toBeInstanceOf(UserError);
      if (attempt.kind === "manual") expect(String(reason)).toMatch(/is already paid|Only \$[\d.,]+ is due/);
      if (attempt.kind === "credit") expect(String(reason)).toMatch(/credit|is due|already paid|nothing left/);
      expect(attempt.kind === "online" || (attempt.kind === "manual" && attempt.shape === "credit"), "online settlements and credit-only payments are never refused").toBe(false);
    }
    const fulfilled = (kind: Attempt["kind"]) => order.filter((attempt, i) => attempt.kind === kind && outcomes[i]?.status === "fulfilled");
    const tally = (kind: Attempt["kind"]) => `${fulfilled(kind).length}/${order.filter((attempt) => attempt.kind === kind).length}`;
    console.info(`payments race: accepted manual ${tally("manual")}, card reports ${tally("online")}, credit applications ${tally("credit")}`);

    // card payments: each applied exactly once, the duplicate report ignored
    for (const row of online) {
      const reports = outcomes.filter((_, i) => {
        const attempt = order[i];
        return attempt?.kind === "online" && attempt.paymentId === row.id;
      });
      expect(reports.map((outcome) => (outcome.status === "fulfilled" && "outcome" in outcome.value ? outcome.value.outcome : "refused")).sort()).toEqual(["applied", "ignored"]);
    }
    // recorded payments: one row per accepted attempt, none for a refused one
    const recorded = await db.select().from(payments).where(eq(payments.customerId, customerId));
    expect(recorded.filter((row) => row.origin === "staff")).toHaveLength(fulfilled("manual").length);
    expect(recorded.filter((row) => row.origin === "customer").map((row) => row.status)).toEqual(online.map(() => "succeeded"));

    // the invoice: paid exactly, never below zero; the second invoice got what credit was applied
    const paidTarget = await readInvoice(db, target.id);
    expect(paidTarget).toMatchObject({ status: "paid", amountPaid: TOTAL, amountDue: 0n });
    const creditApplied = BigInt(fulfilled("credit").length) * CREDIT_USE;
    expect(await readInvoice(db, second.id)).toMatchObject({ amountPaid: creditApplied, amountDue: 300_00n - creditApplied });

    // money is conserved: received = applied to the two invoices + credit left
    const received = recorded.filter((row) => row.status === "succeeded").reduce((sum, row) => sum + row.amount, 0n);
    const credit = await customerCreditBalance(db, customerId, "USD");
    expect(credit).toBeGreaterThanOrEqual(0n);
    expect(received).toBe(TOTAL + creditApplied + credit);
    // a manual payment put exactly what it said on the invoice; the rest is credit
    const manualAllocated = fulfilled("manual").reduce((sum, attempt) => sum + (attempt.kind === "manual" ? attempt.allocated : 0n), 0n);
    expect(manualAllocated).toBeLessThanOrEqual(TOTAL);

    const audits = await db
      .select({ action: auditLog.action, n: count() })
      .from(auditLog)
      .where(inArray(auditLog.action, ["payment.record", "payment.succeed", "customer_credit.apply"]))
      .groupBy(auditLog.action);
    expect(Object.fromEntries(audits.map((row) => [row.action, row.n]))).toEqual({
      "payment.record": fulfilled("manual").length,
      "payment.succeed": online.length,
      ...(fulfilled("credit").length > 0 ? { "customer_credit.apply": fulfilled("credit").length } : {}),
    });
    await expectLedgerToHold(db);
  });
});
