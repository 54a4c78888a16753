import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { paymentMethods, type PaymentMethod } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { lockCustomer } from "./commands";
import { toE164 } from "./fields";
import { WALLET_PHONE_ERROR, type AddPaymentMethodInput, type PaymentMethodRef } from "./payment-method-schemas";

// Every change locks the customer row first, so changes to one customer's methods run one at a
// time and the "one default" rule (also a partial unique index) holds under concurrency.

/** What the page shows: never the gateway token. */
const viewColumns = {
  id: paymentMethods.id,
  customerId: paymentMethods.customerId,
  kind: paymentMethods.kind,
  label: paymentMethods.label,
  bankName: paymentMethods.bankName,
  accountLast4: paymentMethods.accountLast4,
  walletProvider: paymentMethods.walletProvider,
  walletPhone: paymentMethods.walletPhone,
  cardBrand: paymentMethods.cardBrand,
  cardLast4: paymentMethods.cardLast4,
  cardExpMonth: paymentMethods.cardExpMonth,
  cardExpYear: paymentMethods.cardExpYear,
  isDefault: paymentMethods.isDefault,
  verifiedAt: paymentMethods.verifiedAt,
  createdAt: paymentMethods.createdAt,
};
export type PaymentMethodView = Pick<PaymentMethod, keyof typeof viewColumns>;

const live = (customerId: string) => and(eq(paymentMethods.customerId, customerId), isNull(paymentMethods.deletedAt));

/** The customer's methods (not removed): the default first, then oldest first. */
export async function listPaymentMethods(db: Db, customerId: string): Promise<PaymentMethodView[]> {
  return db
    .select(viewColumns)
    .from(paymentMethods)
    .where(live(customerId))
    .orderBy(desc(paymentMethods.isDefault), asc(paymentMethods.createdAt), asc(paymentMethods.id));
}

/** The audit snapshot: what identifies the method, with the customer id so the activity finds it. */
function snapshot(method: PaymentMethodView) {
  return {
    customerId: method.customerId,
    kind: method.kind,
    label: method.label,
    bankName: method.bankName,
    accountLast4: method.accountLast4,
    walletProvider: method.walletProvider,
    walletPhone: method.walletPhone,
    isDefault: method.isDefault,
    verifiedAt: method.verifiedAt,
  };
}

/** Adds a manual method. The customer's first method becomes its default. */
export async function addPaymentMethod(db: Db, input: AddPaymentMethodInput, actor: Actor): Promise<PaymentMethodView> {
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    const details = { bankName: null as string | null, accountLast4: null as string | null, walletProvider: null as string | null, walletPhone: null as string | null };
    if (input.kind === "bank_transfer") {
      details.bankName = input.bankName;
      details.accountLast4 = input.accountLast4;
    } else if (input.kind === "local_wallet") {
      // a national number is read in the customer's billing country
      const phone = toE164(input.walletPhone, customer.billingCountry);
      if (!phone) throw new UserError(WALLET_PHONE_ERROR, { walletPhone: [WALLET_PHONE_ERROR] });
      details.walletProvider = input.walletProvider;
      details.walletPhone = phone;
    }
    const [existing] = await tx.select({ n: count() }).from(paymentMethods).where(live(customer.id));
    const [row] = await tx
      .insert(paymentMethods)
      .values({ customerId: customer.id, kind: input.kind, label: input.label, ...details, isDefault: (existing?.n ?? 0) === 0, createdBy: actor.userId })
      .returning(viewColumns);
    if (!row) throw new Error("payment_methods insert returned no row");
    await writeAudit(tx, actor, { action: "payment_method.created", entityType: "payment_method", entityId: row.id, after: snapshot(row) });
    return row;
  });
}

/** The live method of this customer (scoped by both ids), read while the customer row is locked. */
async function lockedMethod(tx: Db, ref: PaymentMethodRef): Promise<PaymentMethodView> {
  await lockCustomer(tx, ref.customerId);
  const [method] = await tx
    .select(viewColumns)
    .from(paymentMethods)
    .where(and(eq(paymentMethods.id, ref.methodId), live(ref.customerId)));
  if (!method) throw new UserError("That payment method no longer exists.");
  return method;
}

/** Makes this method the customer's only default: the others are unset first, in one transaction. */
export async function setDefaultPaymentMethod(db: Db, ref: PaymentMethodRef, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const method = await lockedMethod(tx, ref);
    if (method.isDefault) return;
    const previous = await tx
      .update(paymentMethods)
      .set({ isDefault: false })
      .where(and(live(ref.customerId), eq(paymentMethods.isDefault, true)))
      .returning({ id: paymentMethods.id });
    await tx.update(paymentMethods).set({ isDefault: true }).where(eq(paymentMethods.id, method.id));
    await writeAudit(tx, actor, {
      action: "payment_method.default_set",
      entityType: "payment_method",
      entityId: method.id,
      before: { customerId: ref.customerId, defaultId: previous[0]?.id ?? null },
      after: { ...snapshot(method), isDefault: true },
    });
  });
}

/** Records that someone checked the method with the customer (verified_at). */
export async function verifyPaymentMethod(db: Db, ref: PaymentMethodRef, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const method = await lockedMethod(tx, ref);
    if (method.verifiedAt) return;
    const [after] = await tx
      .update(paymentMethods)
      .set({ verifiedAt: new Date() })
      .where(eq(paymentMethods.id, method.id))
      .returning(viewColumns);
    await writeAudit(tx, actor, { action: "payment_method.verified", entityType: "payment_method", entityId: method.id, before: snapshot(method), after: snapshot(after!) });
  });
}

/** Soft removal. When the default goes, the oldest remaining method takes its place. */
export async function removePaymentMethod(db: Db, ref: PaymentMethodRef, actor: Actor): Promise<{ promotedId: string | null }> {
  return db.transaction(async (tx) => {
    const method = await lockedMethod(tx, ref);
    await tx.update(paymentMethods).set({ deletedAt: new Date(), isDefault: false }).where(eq(paymentMethods.id, method.id));
    let promotedId: string | null = null;
    if (method.isDefault) {
      const [oldest] = await tx
        .select({ id: paymentMethods.id })
        .from(paymentMethods)
        .where(live(ref.customerId))
        .orderBy(asc(paymentMethods.createdAt), asc(paymentMethods.id))
        .limit(1);
      if (oldest) {
        await tx.update(paymentMethods).set({ isDefault: true }).where(eq(paymentMethods.id, oldest.id));
        promotedId = oldest.id;
      }
    }
    await writeAudit(tx, actor, {
      action: "payment_method.removed",
      entityType: "payment_method",
      entityId: method.id,
      before: snapshot(method),
      after: { customerId: ref.customerId, promotedId },
    });
    return { promotedId };
  });
}
