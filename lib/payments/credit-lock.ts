import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { customers } from "@/db/schema";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";

export const CUSTOMER_GONE = "This customer no longer exists.";

/**
 * Serialises everything that spends or cancels a customer's unallocated money (applying credit,
 * voiding a payment): they lock the customer row first, then invoices in id order. FOR NO KEY
 * UPDATE, so inserts that merely reference the customer (invoices, payments) are not blocked.
 * A soft-deleted customer is locked too: their payments can still be voided.
 */
export async function lockCustomerCredit(tx: Db, customerId: string): Promise<void> {
  if (!isUuid(customerId)) throw new UserError(CUSTOMER_GONE, { customerId: [CUSTOMER_GONE] });
  const [row] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for("no key update");
  if (!row) throw new UserError(CUSTOMER_GONE, { customerId: [CUSTOMER_GONE] });
}
