import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, paymentMethods } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { lockCustomer } from "@/lib/customers/commands";
import { UserError } from "@/lib/errors";

/** Turns autopay on or off (recurring billing charges the default saved card). On needs a saved card. */
export async function setAutopay(db: Db, customerId: string, on: boolean, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, customerId);
    if (customer.autopay === on) return on;
    if (on) {
      const [card] = await tx
        .select({ id: paymentMethods.id })
        .from(paymentMethods)
        .where(and(eq(paymentMethods.customerId, customer.id), eq(paymentMethods.kind, "stripe_card"), isNull(paymentMethods.deletedAt)))
        .limit(1);
      if (!card) throw new UserError("Save a card for this customer before turning autopay on.");
    }
    await tx.update(customers).set({ autopay: on }).where(eq(customers.id, customer.id));
    await writeAudit(tx, actor, { action: on ? "customer.autopay_on" : "customer.autopay_off", entityType: "customer", entityId: customer.id, before: { autopay: customer.autopay }, after: { autopay: on } });
    return on;
  });
}
