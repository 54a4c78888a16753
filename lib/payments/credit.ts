import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, creditNotes, payments, refunds, type Invoice } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { lockInvoice } from "@/lib/invoices/lock";
import { formatMoney } from "@/lib/money";
import { lockCustomerCredit } from "./credit-lock";
import { checkAllocatable } from "./invoice-checks";
import type { ApplyCreditInput } from "./schemas";

export type CreditSource = { kind: "payment" | "credit_note"; id: string; number: string; currency: string; remaining: bigint };

const asMinor = (text: string) => BigInt(text);

// What is left on a payment / credit note: its amount − what it allocated (reversals included) −
// what was refunded from it. The outer row is named in plain text: drizzle leaves columns of a
// single-table select unqualified, which inside the subquery would mean the subquery's own table.
const paymentRemaining = sql<bigint>`(${payments.amount}
  - coalesce((select sum(a.amount) from ${allocations} a where a.payment_id = payments.id), 0)
  - coalesce((select sum(r.amount) from ${refunds} r where r.payment_id = payments.id and r.status <> 'failed'), 0))::text`.mapWith(asMinor);
const creditNoteRemaining = sql<bigint>`(${creditNotes.total}
  - coalesce((select sum(a.amount) from ${allocations} a where a.credit_note_id = credit_notes.id), 0)
  - coalesce((select sum(r.amount) from ${refunds} r where r.credit_note_id = credit_notes.id and r.status <> 'failed'), 0))::text`.mapWith(asMinor);

/**
 * The customer's unallocated money, oldest first: succeeded payments (by date received), then
 * credit notes (by issue date). `currency` narrows to one currency.
 */
export async function creditSources(db: Db, customerId: string, currency?: string): Promise<CreditSource[]> {
  const paymentRows = await db
    .select({ id: payments.id, number: payments.number, currency: payments.currency, remaining: paymentRemaining })
    .from(payments)
    .where(and(eq(payments.customerId, customerId), eq(payments.status, "succeeded"), currency ? eq(payments.currency, currency) : undefined))
    .orderBy(asc(payments.receivedOn), asc(payments.createdAt), asc(payments.number));
  const noteRows = await db
    .select({ id: creditNotes.id, number: creditNotes.number, currency: creditNotes.currency, remaining: creditNoteRemaining })
    .from(creditNotes)
    .where(and(eq(creditNotes.customerId, customerId), currency ? eq(creditNotes.currency, currency) : undefined))
    .orderBy(asc(creditNotes.issueDate), asc(creditNotes.createdAt), asc(creditNotes.number));
  return [
    ...paymentRows.map((row) => ({ kind: "payment" as const, ...row })),
    ...noteRows.map((row) => ({ kind: "credit_note" as const, ...row })),
  ].filter((source) => source.remaining > 0n);
}

const total = (sources: CreditSource[]) => sources.reduce((sum, source) => sum + source.remaining, 0n);

/** Customer credit in one currency: what their payments and credit notes have not allocated or refunded. */
export async function customerCreditBalance(db: Db, customerId: string, currency: string): Promise<bigint> {
  return total(await creditSources(db, customerId, currency));
}

/** Customer credit per currency (currencies with none left out), for the customer page. */
export async function customerCreditByCurrency(db: Db, customerId: string): Promise<{ currency: string; amount: bigint }[]> {
  const byCurrency = new Map<string, bigint>();
  for (const source of await creditSources(db, customerId)) byCurrency.set(source.currency, (byCurrency.get(source.currency) ?? 0n) + source.remaining);
  return [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));
}

export type AppliedCredit = { kind: CreditSource["kind"]; sourceId: string; number: string; amount: bigint };

/**
 * Applies `amount` of the customer's credit to one of their open invoices: new allocation rows
 * from the oldest sources with money left. Under the customer lock (so two applications cannot
 * spend the same credit) and the invoice lock (so the amount due is current).
 */
export async function applyCustomerCredit(db: Db, input: ApplyCreditInput, actor: Actor): Promise<{ invoice: Invoice; applied: AppliedCredit[] }> {
  return db.transaction(async (tx) => {
    await lockCustomerCredit(tx, input.customerId);
    const invoice = await lockInvoice(tx, input.invoiceId);
    checkAllocatable(invoice, { customerId: input.customerId, currency: invoice.currency, amount: input.amount, field: "amount" });
    const sources = await creditSources(tx, input.customerId, invoice.currency);
    const available = total(sources);
    if (input.amount > available) {
      const message =
        available === 0n
          ? `This customer has no credit in ${invoice.currency}.`
          : `This customer has only ${formatMoney(available, invoice.currency)} of credit in ${invoice.currency}.`;
      throw new UserError(message, { amount: [message] });
    }

    const applied: AppliedCredit[] = [];
    let left = input.amount;
    for (const source of sources) {
      if (left === 0n) break;
      const amount = source.remaining < left ? source.remaining : left;
      applied.push({ kind: source.kind, sourceId: source.id, number: source.number, amount });
      left -= amount;
    }
    await tx.insert(allocations).values(
      applied.map((row) => ({
        invoiceId: invoice.id,
        paymentId: row.kind === "payment" ? row.sourceId : null,
        creditNoteId: row.kind === "credit_note" ? row.sourceId : null,
        amount: row.amount,
        createdBy: actor.userId,
      })),
    );
    const updated = await refreshInvoiceBalance(tx, invoice.id);
    await writeAudit(tx, actor, {
      action: "customer_credit.apply",
      entityType: "invoice",
      entityId: invoice.id,
      before: { amountDue: invoice.amountDue, status: invoice.status },
      after: { customerId: input.customerId, invoiceId: invoice.id, amount: input.amount, sources: applied, amountDue: updated.amountDue, status: updated.status },
    });
    return { invoice: updated, applied };
  });
}
