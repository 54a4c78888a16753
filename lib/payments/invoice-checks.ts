import type { Db } from "@/db";
import type { Invoice, InvoiceStatus } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { lockInvoice } from "@/lib/invoices/lock";
import { isOpen } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";

/**
 * Locks each invoice FOR UPDATE in id order, so two transactions that touch the same invoices
 * queue up instead of deadlocking. Returns them by id.
 */
export async function lockInvoicesInOrder(tx: Db, ids: Iterable<string>): Promise<Map<string, Invoice>> {
  const locked = new Map<string, Invoice>();
  for (const id of [...new Set(ids)].sort()) locked.set(id, await lockInvoice(tx, id));
  return locked;
}

const CLOSED_WORDS: Partial<Record<InvoiceStatus, string>> = {
  draft: "is still a draft",
  paid: "is already paid",
  void: "is void",
  uncollectible: "is marked uncollectible",
};

/**
 * Refuses money applied to an invoice that cannot take it: another customer's, another currency,
 * not open, or more than its amount due. Run on the locked row, so the amount due is current.
 * `field` is where the form shows the refusal.
 */
export function checkAllocatable(invoice: Invoice, target: { customerId: string; currency: string; amount: bigint; field: string }): void {
  const label = invoice.number ?? "This invoice";
  const refuse = (message: string) => {
    throw new UserError(message, { [target.field]: [message] });
  };
  if (invoice.customerId !== target.customerId) refuse(`${label} belongs to another customer.`);
  if (invoice.currency !== target.currency) refuse(`${label} is in ${invoice.currency}, not ${target.currency}.`);
  if (!isOpen(invoice.status)) refuse(`${label} ${CLOSED_WORDS[invoice.status] ?? "is closed"}, so nothing can be applied to it.`);
  if (target.amount <= 0n) refuse("The amount must be more than 0.");
  if (target.amount > invoice.amountDue) {
    const due = formatMoney(invoice.amountDue, invoice.currency);
    refuse(invoice.amountDue === 0n ? `${label} has nothing left to pay.` : `Only ${due} is due on ${label}; apply at most that.`);
  }
}
