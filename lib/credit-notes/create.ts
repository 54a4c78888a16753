import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, creditNoteLines, creditNotes, invoiceLines, refunds, type Invoice, type InvoiceLine } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { todayIso } from "@/lib/invoices/dates";
import { lockInvoice } from "@/lib/invoices/lock";
import { nextDocumentNumber } from "@/lib/invoices/numbering";
import { formatQuantity } from "@/lib/quantity";
import { creditLineAmounts, NOTHING_CREDITED, type CreditedSoFar, type CreditLineAmounts } from "./amounts";
import { creditedByLine } from "./credited";
import type { CreateCreditNoteInput } from "./schemas";

export type { CreateCreditNoteInput } from "./schemas";

function refuse(field: string, message: string): never {
  throw new UserError(message, { [field]: [message] });
}

type PlannedLine = { line: InvoiceLine; quantity: bigint } & CreditLineAmounts;

/** Which lines, how much of each, and their figures; refuses lines not on the invoice and over-crediting. */
function planLines(invoice: Invoice, lines: InvoiceLine[], credited: Map<string, CreditedSoFar>, request: CreateCreditNoteInput["lines"]): PlannedLine[] {
  const soFar = (line: InvoiceLine) => credited.get(line.id) ?? NOTHING_CREDITED;
  const plan = (line: InvoiceLine, quantity: bigint): PlannedLine => ({
    line,
    quantity,
    ...creditLineAmounts({ quantity: line.quantity, taxable: line.taxable, tax: line.tax }, soFar(line), quantity),
  });
  if (request === "all") {
    const open = lines.filter((line) => line.quantity > soFar(line).quantity);
    if (open.length === 0) refuse("lines", `Everything on ${invoice.number} is already credited.`);
    return open.map((line) => plan(line, line.quantity - soFar(line).quantity));
  }
  if (request.length === 0) refuse("lines", "Enter a quantity to credit on at least one line.");
  const byId = new Map(lines.map((line) => [line.id, line]));
  const seen = new Set<string>();
  return request.map((row, index) => {
    const line = byId.get(row.invoiceLineId);
    if (!line) refuse(`lines.${index}.invoiceLineId`, `This line is not on ${invoice.number}.`);
    if (seen.has(line.id)) refuse(`lines.${index}.invoiceLineId`, "This line is listed twice.");
    seen.add(line.id);
    const left = line.quantity - soFar(line).quantity;
    if (row.quantity <= 0n) refuse(`lines.${index}.quantity`, "The quantity must be more than 0.");
    if (left === 0n) refuse(`lines.${index}.quantity`, "This line is already fully credited.");
    if (row.quantity > left) refuse(`lines.${index}.quantity`, `Only ${formatQuantity(left)} of this line is left to credit.`);
    return plan(line, row.quantity);
  });
}

const sum = (rows: PlannedLine[], pick: (row: PlannedLine) => bigint) => rows.reduce((total, row) => total + pick(row), 0n);

/**
 * Credits all or part of a numbered invoice (not void or uncollectible), in one transaction under
 * the invoice lock. The note's total first reduces the amount due (a credit-note allocation); what
 * the invoice no longer owes (it was already paid) stays on the note as customer credit, or is
 * recorded as a refund.
 */
export async function createCreditNote(db: Db, input: CreateCreditNoteInput, actor: Actor): Promise<{ id: string; number: string }> {
  const reason = input.reason.trim();
  if (reason === "" || reason.length > 500) refuse("reason", "Say why the invoice is credited (at most 500 characters).");
  return db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, input.invoiceId);
    if (invoice.status === "draft") refuse("invoiceId", "A draft cannot be credited; edit it instead.");
    if (invoice.status === "void") refuse("invoiceId", `${invoice.number} is void, so it cannot be credited.`);
    // money is never applied to a written-off invoice (refreshInvoiceBalance leaves its status alone)
    if (invoice.status === "uncollectible") refuse("invoiceId", `${invoice.number} is marked uncollectible, so it cannot be credited.`);

    const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(asc(invoiceLines.position));
    const planned = planLines(invoice, lines, await creditedByLine(tx, invoice.id), input.lines);
    const total = sum(planned, (row) => row.total);
    if (total <= 0n) refuse("lines", "The chosen lines add up to nothing to credit.");

    const applied = total < invoice.amountDue ? total : invoice.amountDue;
    const excess = total - applied;
    if (excess > 0n && input.excess === "refund" && !input.refundMethod) refuse("refundMethod", "Choose how the money is refunded.");

    const now = new Date();
    const number = await nextDocumentNumber(tx, "credit_note", now);
    const [note] = await tx
      .insert(creditNotes)
      .values({
        number,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        currency: invoice.currency,
        reason,
        issueDate: todayIso(now),
        subtotal: sum(planned, (row) => row.net),
        taxTotal: sum(planned, (row) => row.tax),
        total,
        createdBy: actor.userId,
      })
      .returning({ id: creditNotes.id });
    if (!note) throw new Error("credit note insert returned nothing");
    await tx.insert(creditNoteLines).values(
      planned.map((row, index) => ({
        creditNoteId: note.id,
        invoiceLineId: row.line.id,
        position: index + 1,
        description: row.line.description,
        quantity: row.quantity,
        net: row.net,
        tax: row.tax,
        total: row.total,
      })),
    );
    if (applied > 0n) await tx.insert(allocations).values({ invoiceId: invoice.id, creditNoteId: note.id, amount: applied, createdBy: actor.userId });
    const refundMethod = excess > 0n && input.excess === "refund" ? input.refundMethod : undefined;
    if (refundMethod) {
      await tx.insert(refunds).values({
        customerId: invoice.customerId,
        creditNoteId: note.id,
        currency: invoice.currency,
        amount: excess,
        method: refundMethod,
        refundedOn: todayIso(now),
        createdBy: actor.userId,
      });
    }
    const after = await refreshInvoiceBalance(tx, invoice.id);

    await writeAudit(tx, actor, {
      action: "credit_note.create",
      entityType: "credit_note",
      entityId: note.id,
      after: {
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        number,
        reason,
        total,
        lines: planned.map((row) => ({ invoiceLineId: row.line.id, quantity: row.quantity, total: row.total })),
        appliedToInvoice: applied,
        excess: excess > 0n ? { amount: excess, as: refundMethod ? "refund" : "credit", method: refundMethod ?? null } : null,
        invoiceAmountDue: after.amountDue,
        invoiceStatus: after.status,
      },
    });
    return { id: note.id, number };
  });
}
