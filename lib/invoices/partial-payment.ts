import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { auditInvoice } from "./audit";
import { lockInvoice } from "./lock";

/** Whether the public page lets the customer pay part of the amount due. Any invoice not void. */
export async function setAllowPartialPayment(db: Db, id: string, allow: boolean, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockInvoice(tx, id);
    if (before.status === "void") throw new UserError("A void invoice cannot be paid.");
    if (before.allowPartialPayment === allow) return;
    const [after] = await tx.update(invoices).set({ allowPartialPayment: allow }).where(eq(invoices.id, id)).returning();
    if (!after) throw new Error(`invoice ${id} vanished under its lock`);
    await auditInvoice(tx, actor, allow ? "invoice.partial_payment_allowed" : "invoice.partial_payment_disallowed", after, { before });
  });
}
