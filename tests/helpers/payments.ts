import type { Db } from "@/db";
import type { RecordPaymentInput } from "@/lib/payments/schemas";
import { insertFinalizedInvoice, insertStaffActor, type TestInvoiceOptions } from "./invoice-rows";

type AllocationRow = { invoiceId: string; amount: bigint };

/**
 * What the payment and credit test files share: a finance actor, a USD payment input builder
 * (with the file's own defaults over ours) and invoices of a single untaxed line.
 */
export async function createPaymentsTestbed(db: Db, defaults: Partial<RecordPaymentInput> = {}) {
  const actor = await insertStaffActor(db);

  const payment = (customerId: string, amount: bigint, allocationRows: AllocationRow[], extra: Partial<RecordPaymentInput> = {}): RecordPaymentInput => ({
    customerId,
    currency: "USD",
    amount,
    method: "bank_transfer",
    reference: "TRX-1",
    note: null,
    receivedOn: "2026-03-01",
    allocations: allocationRows,
    keepExcessAsCredit: false,
    ...defaults,
    ...extra,
  });

  /** An invoice of one line: `total` minor units, no tax. */
  const invoiceOf = async (customerId: string, total: bigint, extra: Omit<TestInvoiceOptions, "customerId" | "lines"> = {}) =>
    (await insertFinalizedInvoice(db, { customerId, lines: [{ quantity: 1, unitPrice: total }], ...extra })).invoice;

  return { actor, payment, invoiceOf };
}
