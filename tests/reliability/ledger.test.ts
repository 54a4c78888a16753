import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { allocations, emailMessages, invoices, numberSequences, payments, refunds } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { createPendingPayment } from "@/lib/payments/online/pending";
import { settlePayment } from "@/lib/payments/online/settle";
import { recordPayment } from "@/lib/payments/record";
import { insertFinalizedInvoice, insertTestCustomer } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";
import { reliabilityDatabase } from "./database";
import { expectLedgerToHold, ledgerViolations } from "./ledger";
import { reliabilityScale } from "./scale";

// The checker every scenario ends with must be able to fail: each identity is broken on purpose,
// inside a transaction that is rolled back, and must be the one reported.
const { db } = await reliabilityDatabase(reliabilityScale());
const GATEWAY: Actor = { userId: null, label: "stripe" };

class RolledBack extends Error {}

/** The identities broken after `change`, seen inside its transaction, which is then undone. */
async function brokenBy(change: (tx: Db) => Promise<unknown>): Promise<string[]> {
  let broken: string[] = [];
  await db
    .transaction(async (tx) => {
      await change(tx);
      broken = Object.keys(await ledgerViolations(tx));
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return broken;
}

let world: { customerId: string; invoiceId: string; manualId: string; onlineId: string; onlineInvoiceId: string };

beforeAll(async () => {
  const { actor, payment } = await createPaymentsTestbed(db);
  const customerId = await insertTestCustomer(db, "Ledger Co");
  const { invoice } = await insertFinalizedInvoice(db, { customerId, lines: [{ quantity: 1, unitPrice: 100_00n }] });
  const { paymentId } = await recordPayment(db, payment(customerId, 60_00n, [{ invoiceId: invoice.id, amount: 40_00n }], { keepExcessAsCredit: true }), actor);
  const online = await insertFinalizedInvoice(db, { customerId, status: "sent", lines: [{ quantity: 1, unitPrice: 50_00n }] });
  const pending = await db.transaction((tx) => createPendingPayment(tx, { invoiceId: online.invoice.id, amount: 50_00n, method: "card", origin: "customer", gateway: "stripe" }, GATEWAY));
  await db.transaction((tx) => settlePayment(tx, pending.id, { amount: 50_00n, currency: "USD", gatewayPaymentId: "pi_ledger" }, GATEWAY));
  world = { customerId, invoiceId: invoice.id, manualId: paymentId, onlineId: pending.id, onlineInvoiceId: online.invoice.id };
});

describe("ledger checker", () => {
  it("holds on the books as the app wrote them", async () => {
    await expectLedgerToHold(db);
  });

  it("reports each identity when it is broken", async () => {
    const { invoiceId, manualId, onlineId, onlineInvoiceId, customerId } = world;
    // an allocation the invoice's figures do not know about
    expect(await brokenBy((tx) => tx.insert(allocations).values({ invoiceId, paymentId: manualId, amount: 1_00n }))).toEqual(["invoiceBalance"]);
    // a status that does not follow the balance
    expect(await brokenBy((tx) => tx.update(invoices).set({ status: "paid" }).where(eq(invoices.id, invoiceId)))).toEqual(["invoiceStatus"]);
    // a payment allocating more than it brought in (the invoice's figures kept in step)
    expect(
      await brokenBy(async (tx) => {
        await tx.insert(allocations).values({ invoiceId, paymentId: manualId, amount: 30_00n });
        await tx.update(invoices).set({ amountPaid: 70_00n, amountDue: 30_00n }).where(eq(invoices.id, invoiceId));
      }),
    ).toEqual(["paymentAllocations"]);
    // more taken back from an invoice than the payment put on it
    expect(
      await brokenBy(async (tx) => {
        await tx.insert(allocations).values({ invoiceId, paymentId: manualId, amount: -50_00n, reversalOfId: sql`gen_random_uuid()` });
        await tx.update(invoices).set({ amountPaid: -10_00n, amountDue: 110_00n, status: "finalized" }).where(eq(invoices.id, invoiceId));
      }),
    ).toEqual(["paymentAllocations", "allocationNets"]);
    // a refund larger than its payment, and one that took money back while still pending
    const refund = (amount: bigint) => ({ customerId, paymentId: onlineId, currency: "USD", amount, method: "card" as const, status: "pending" as const, refundedOn: "2026-03-01" });
    expect(await brokenBy((tx) => tx.insert(refunds).values(refund(51_00n)))).toEqual(["refundLimits"]);
    expect(
      await brokenBy(async (tx) => {
        const [row] = await tx.insert(refunds).values(refund(10_00n)).returning();
        await tx.insert(allocations).values({ invoiceId: onlineInvoiceId, paymentId: onlineId, amount: -10_00n, refundId: row!.id });
        await tx.update(invoices).set({ amountPaid: 40_00n, amountDue: 10_00n, status: "partial" }).where(eq(invoices.id, onlineInvoiceId));
      }),
    ).toEqual(["refundAllocations"]);
    // a settled card payment without its receipt number: the counter gave out a number nobody carries
    expect(await brokenBy((tx) => tx.update(payments).set({ receiptNumber: null }).where(eq(payments.id, onlineId)))).toEqual(["receiptNumbers", "numberCounters"]);
    // a receipt emailed twice
    const receipt = { template: "receipt", fromAddress: "a@b.test", toAddresses: ["c@d.test"], subject: "Receipt", html: "", text: "", transport: "outbox" as const, entityType: "payment", entityId: onlineId };
    expect(await brokenBy((tx) => tx.insert(emailMessages).values([receipt, receipt]))).toEqual(["noticesOnce"]);
    // a number out of its series; a counter ahead of the documents
    expect(await brokenBy((tx) => tx.update(payments).set({ number: "PAY-2026-09999" }).where(eq(payments.id, manualId)))).toEqual(["numberSeries"]);
    expect(await brokenBy((tx) => tx.update(numberSequences).set({ nextValue: sql`${numberSequences.nextValue} + 1` }).where(eq(numberSequences.series, "receipt")))).toEqual([
      "numberCounters",
    ]);
    await expectLedgerToHold(db);
  });
});
