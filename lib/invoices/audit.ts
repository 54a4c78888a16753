import type { Db } from "@/db";
import type { Invoice } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";

/** What every invoice audit row records; customerId lets the customer's timeline find it. */
export function invoiceSnapshot(invoice: Invoice) {
  return {
    customerId: invoice.customerId,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    total: invoice.total,
    amountDue: invoice.amountDue,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
  };
}

/** One audit row for an invoice change, in the caller's transaction. */
export async function auditInvoice(
  tx: Db,
  actor: Actor,
  action: string,
  after: Invoice,
  options: { before?: Invoice | null; extra?: Record<string, unknown> } = {},
): Promise<void> {
  await writeAudit(tx, actor, {
    action,
    entityType: "invoice",
    entityId: after.id,
    before: options.before ? invoiceSnapshot(options.before) : null,
    after: { ...invoiceSnapshot(after), ...options.extra },
  });
}
