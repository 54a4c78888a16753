import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, customers, invoices, payments } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { OPEN_STATUSES } from "@/lib/invoices/status";
import { CUSTOMER_GONE } from "./credit-lock";
import { checkAllocatable, lockInvoicesInOrder } from "./invoice-checks";
import { nextPaymentNumber } from "./numbers";
import { ALLOCATIONS_EXCEED_PAYMENT, EXCESS_NEEDS_CREDIT, type RecordPaymentInput } from "./schemas";

function refuse(field: string, message: string): never {
  throw new UserError(message, { [field]: [message] });
}

/** The checks that need no database: amounts positive, each invoice once, the sum within the payment. */
function checkShape(input: RecordPaymentInput): bigint {
  if (input.amount <= 0n) refuse("amount", "The amount must be more than 0.");
  const seen = new Set<string>();
  input.allocations.forEach((row, index) => {
    if (seen.has(row.invoiceId)) refuse(`allocations.${index}.invoiceId`, "This invoice is listed twice.");
    seen.add(row.invoiceId);
    if (row.amount <= 0n) refuse(`allocations.${index}.amount`, "The amount must be more than 0.");
  });
  const allocated = input.allocations.reduce((sum, row) => sum + row.amount, 0n);
  if (allocated > input.amount) refuse("amount", ALLOCATIONS_EXCEED_PAYMENT);
  if (allocated < input.amount && !input.keepExcessAsCredit) refuse("amount", EXCESS_NEEDS_CREDIT);
  return allocated;
}

/**
 * Records money received from a customer and applies it to their open invoices, in one
 * transaction: every target invoice is locked (in id order) and re-checked, so concurrent payments
 * can never take an amount due below zero. What is not allocated stays on the payment as customer
 * credit (only when the caller chose that).
 */
export async function recordPayment(db: Db, input: RecordPaymentInput, actor: Actor): Promise<{ paymentId: string; number: string; unallocated: bigint }> {
  const allocated = checkShape(input);
  return db.transaction(async (tx) => {
    const [customer] = isUuid(input.customerId)
      ? await tx
          .select({ id: customers.id })
          .from(customers)
          .where(and(eq(customers.id, input.customerId), isNull(customers.deletedAt)))
      : [];
    if (!customer) refuse("customerId", CUSTOMER_GONE);

    const locked = await lockInvoicesInOrder(tx, input.allocations.map((row) => row.invoiceId));
    input.allocations.forEach((row, index) => {
      const invoice = locked.get(row.invoiceId);
      if (!invoice) throw new Error(`invoice ${row.invoiceId} was not locked`);
      checkAllocatable(invoice, { customerId: input.customerId, currency: input.currency, amount: row.amount, field: `allocations.${index}.amount` });
    });

    const number = await nextPaymentNumber(tx);
    const [payment] = await tx
      .insert(payments)
      .values({
        number,
        customerId: input.customerId,
        currency: input.currency,
        amount: input.amount,
        method: input.method,
        reference: input.reference,
        note: input.note,
        receivedOn: input.receivedOn,
        createdBy: actor.userId,
      })
      .returning({ id: payments.id });
    if (!payment) throw new Error("payment insert returned nothing");

    if (input.allocations.length > 0) {
      await tx
        .insert(allocations)
        .values(input.allocations.map((row) => ({ invoiceId: row.invoiceId, paymentId: payment.id, amount: row.amount, createdBy: actor.userId })));
    }
    for (const invoiceId of locked.keys()) await refreshInvoiceBalance(tx, invoiceId);

    const unallocated = input.amount - allocated;
    await writeAudit(tx, actor, {
      action: "payment.record",
      entityType: "payment",
      entityId: payment.id,
      after: {
        customerId: input.customerId,
        number,
        currency: input.currency,
        amount: input.amount,
        method: input.method,
        reference: input.reference,
        receivedOn: input.receivedOn,
        invoiceIds: input.allocations.map((row) => row.invoiceId),
        allocations: input.allocations,
        unallocated,
      },
    });
    return { paymentId: payment.id, number, unallocated };
  });
}

export type AllocationSuggestion = { invoiceId: string; number: string; dueDate: string; amountDue: bigint; suggested: bigint };

/**
 * The customer's open invoices in `currency`, oldest due date first, with `amount` poured into them
 * in that order: what the payment form pre-fills. Every open invoice is listed (0 once the money
 * runs out), so the form can still move amounts around.
 */
export async function suggestAllocations(db: Db, customerId: string, currency: string, amount: bigint): Promise<AllocationSuggestion[]> {
  const open = await db
    .select({ invoiceId: invoices.id, number: invoices.number, dueDate: invoices.dueDate, amountDue: invoices.amountDue })
    .from(invoices)
    .where(
      and(
        eq(invoices.customerId, customerId),
        eq(invoices.currency, currency),
        inArray(invoices.status, [...OPEN_STATUSES]),
        gt(invoices.amountDue, 0n),
        isNull(invoices.deletedAt),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.number));
  let left = amount > 0n ? amount : 0n;
  return open.map((row) => {
    const suggested = row.amountDue < left ? row.amountDue : left;
    left -= suggested;
    return { ...row, number: row.number ?? "", suggested };
  });
}
