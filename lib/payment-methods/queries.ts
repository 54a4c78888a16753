import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { paymentMethodConfigs, type PaymentMethodConfig } from "@/db/schema";

const ORDER = [asc(paymentMethodConfigs.sortOrder), asc(paymentMethodConfigs.displayName), asc(paymentMethodConfigs.id)];

/** Every config, enabled or not, in the order the public page offers them. */
export function listPaymentMethodConfigs(db: Db): Promise<PaymentMethodConfig[]> {
  return db.select().from(paymentMethodConfigs).orderBy(...ORDER);
}

export function listEnabledPaymentMethodConfigs(db: Db): Promise<PaymentMethodConfig[]> {
  return db.select().from(paymentMethodConfigs).where(eq(paymentMethodConfigs.enabled, true)).orderBy(...ORDER);
}

export async function findPaymentMethodConfig(db: Db, id: string): Promise<PaymentMethodConfig | undefined> {
  const [row] = await db.select().from(paymentMethodConfigs).where(eq(paymentMethodConfigs.id, id));
  return row;
}
