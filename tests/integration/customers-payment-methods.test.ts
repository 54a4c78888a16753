import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, paymentMethods, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { createCustomer } from "@/lib/customers/commands";
import { addPaymentMethodSchema, type AddPaymentMethodFormValues } from "@/lib/customers/payment-method-schemas";
import { addPaymentMethod, listPaymentMethods, removePaymentMethod, setDefaultPaymentMethod, verifyPaymentMethod } from "@/lib/customers/payment-methods";
import { customerInputSchema } from "@/lib/customers/schemas";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
let actor: Actor;

async function newCustomer(companyName: string, billingCountry = "") {
  const input = customerInputSchema.parse({
    companyName, firstName: "", lastName: "", email: "", phone: "", secondaryEmail: "", secondaryPhone: "",
    billingStreet: "", billingCity: "", billingRegion: "", billingPostalCode: "", billingCountry,
    shippingStreet: "", shippingCity: "", shippingRegion: "", shippingPostalCode: "", shippingCountry: "",
    taxId: "", industry: "", website: "", currency: "USD", paymentTerms: 30, creditLimit: "", preferredPaymentMethod: "",
    tags: "", notes: "", metadata: "", autoSendInvoices: false, sendReminders: true, language: "en",
  });
  const result = await createCustomer(db, input, actor, { allowDuplicate: true });
  if (result.status !== "saved") throw new Error("expected a saved customer");
  return result.customer.id;
}

/** The form's path: parse with the shared schema (as the action does), then call lib. */
async function add(values: AddPaymentMethodFormValues) {
  return addPaymentMethod(db, addPaymentMethodSchema.parse(values), actor);
}

async function defaults(customerId: string) {
  return db
    .select({ id: paymentMethods.id })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.customerId, customerId), eq(paymentMethods.isDefault, true), isNull(paymentMethods.deletedAt)));
}

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  const [finance] = await db.select({ id: users.id }).from(users).where(eq(users.role, "finance"));
  actor = { userId: finance!.id, label: "finance@demo.cleanpay.test" };
});

describe("payment method input", () => {
  it("refuses a full account number with a clear message and writes nothing", async () => {
    const customerId = await newCustomer("Paste Co");
    const [before] = await db.select({ n: count() }).from(paymentMethods);
    for (const pasted of ["12345678901234", "0123 4567 8901", "12345"]) {
      const result = addPaymentMethodSchema.safeParse({ customerId, kind: "bank_transfer", bankName: "Equity", accountLast4: pasted });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["accountLast4"]);
      expect(result.error?.issues[0]?.message).toMatch(/^Enter only the last 4 digits/);
    }
    expect(addPaymentMethodSchema.safeParse({ customerId, kind: "bank_transfer", bankName: "Equity", accountLast4: "12a" }).success).toBe(false);
    expect(addPaymentMethodSchema.safeParse({ customerId, kind: "bank_transfer", bankName: "", accountLast4: "1234" }).success).toBe(false);
    expect(addPaymentMethodSchema.safeParse({ customerId, kind: "stripe_card" }).success).toBe(false);
    const [after] = await db.select({ n: count() }).from(paymentMethods);
    expect(after?.n).toBe(before?.n);
  });

  it("stores a wallet phone in E.164, read in the customer's billing country", async () => {
    const customerId = await newCustomer("Wallet Co", "KE");
    const method = await add({ customerId, kind: "local_wallet", walletProvider: "M-Pesa", walletPhone: "0712 345 678" });
    expect(method.walletPhone).toBe("+254712345678");
    const international = await add({ customerId, kind: "local_wallet", walletProvider: "MTN MoMo", walletPhone: "+256 772 123456" });
    expect(international.walletPhone).toBe("+256772123456");
    const [before] = await db.select({ n: count() }).from(paymentMethods);
    await expect(add({ customerId, kind: "local_wallet", walletProvider: "M-Pesa", walletPhone: "12" })).rejects.toThrow(/valid phone number/);
    const [after] = await db.select({ n: count() }).from(paymentMethods);
    expect(after?.n).toBe(before?.n);
  });
});

describe("payment method commands", () => {
  it("makes the first method the default, keeps the last 4 only, and audits with the customer id", async () => {
    const customerId = await newCustomer("First Default Co");
    const bank = await add({ customerId, kind: "bank_transfer", bankName: "Equity", accountLast4: "1234", label: "Main account" });
    const cash = await add({ customerId, kind: "cash" });
    expect(bank).toMatchObject({ isDefault: true, accountLast4: "1234", bankName: "Equity", label: "Main account" });
    expect(cash.isDefault).toBe(false);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, bank.id), eq(auditLog.action, "payment_method.created")));
    expect(audit?.entityType).toBe("payment_method");
    expect(audit?.after).toMatchObject({ customerId, accountLast4: "1234" });
  });

  it("leaves exactly one default when two set-default calls race", async () => {
    const customerId = await newCustomer("Race Default Co");
    const a = await add({ customerId, kind: "cash" });
    const b = await add({ customerId, kind: "check", label: "Cheque by post" });
    const c = await add({ customerId, kind: "bank_transfer", bankName: "KCB", accountLast4: "9876" });
    for (let round = 0; round < 3; round++) {
      await Promise.all([setDefaultPaymentMethod(db, { customerId, methodId: b.id }, actor), setDefaultPaymentMethod(db, { customerId, methodId: c.id }, actor)]);
      const rows = await defaults(customerId);
      expect(rows).toHaveLength(1);
      expect([b.id, c.id]).toContain(rows[0]?.id);
    }
    await setDefaultPaymentMethod(db, { customerId, methodId: a.id }, actor);
    expect(await defaults(customerId)).toEqual([{ id: a.id }]);
    expect((await listPaymentMethods(db, customerId))[0]?.id).toBe(a.id);
  });

  it("promotes the oldest remaining method when the default is removed", async () => {
    const customerId = await newCustomer("Promote Co");
    const first = await add({ customerId, kind: "cash" });
    const second = await add({ customerId, kind: "check" });
    const third = await add({ customerId, kind: "bank_transfer", bankName: "Stanbic", accountLast4: "4321" });
    await setDefaultPaymentMethod(db, { customerId, methodId: third.id }, actor);
    const { promotedId } = await removePaymentMethod(db, { customerId, methodId: third.id }, actor);
    expect(promotedId).toBe(first.id);
    expect(await defaults(customerId)).toEqual([{ id: first.id }]);
    // removing a method that is not the default changes no default
    expect((await removePaymentMethod(db, { customerId, methodId: second.id }, actor)).promotedId).toBeNull();
    expect((await listPaymentMethods(db, customerId)).map((m) => m.id)).toEqual([first.id]);
    const [removed] = await db.select().from(paymentMethods).where(eq(paymentMethods.id, third.id));
    expect(removed?.deletedAt).toBeInstanceOf(Date);
    await expect(setDefaultPaymentMethod(db, { customerId, methodId: third.id }, actor)).rejects.toThrow("That payment method no longer exists.");
  });

  it("marks a method verified once, and scopes every change to the customer", async () => {
    const customerId = await newCustomer("Verify Co");
    const otherCustomer = await newCustomer("Other Co");
    const method = await add({ customerId, kind: "bank_transfer", bankName: "Equity", accountLast4: "5555" });
    await expect(verifyPaymentMethod(db, { customerId: otherCustomer, methodId: method.id }, actor)).rejects.toThrow("That payment method no longer exists.");
    await verifyPaymentMethod(db, { customerId, methodId: method.id }, actor);
    await verifyPaymentMethod(db, { customerId, methodId: method.id }, actor);
    const [row] = await listPaymentMethods(db, customerId);
    expect(row?.verifiedAt).toBeInstanceOf(Date);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, method.id), eq(auditLog.action, "payment_method.verified")));
    expect(audits).toHaveLength(1);
  });
});
