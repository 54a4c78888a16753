import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, customers, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { changeCustomerStatus, createCustomer, deleteCustomer, updateCustomer } from "@/lib/customers/commands";
import { customerInputSchema, type CustomerFormValues } from "@/lib/customers/schemas";
import { ConflictError, UserError } from "@/lib/errors";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
let actor: Actor;

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  const [finance] = await db.select({ id: users.id }).from(users).where(eq(users.role, "finance"));
  actor = { userId: finance!.id, label: "finance@demo.cleanpay.test" };
});

const blank: CustomerFormValues = {
  companyName: "", firstName: "", lastName: "", email: "", phone: "", secondaryEmail: "", secondaryPhone: "",
  billingStreet: "", billingCity: "", billingRegion: "", billingPostalCode: "", billingCountry: "",
  shippingStreet: "", shippingCity: "", shippingRegion: "", shippingPostalCode: "", shippingCountry: "",
  taxId: "", industry: "", website: "", currency: "USD", paymentTerms: 30, creditLimit: "", preferredPaymentMethod: "",
  tags: "", notes: "", metadata: "", autoSendInvoices: false, sendReminders: true, language: "en",
};
const input = (values: Partial<CustomerFormValues>) => customerInputSchema.parse({ ...blank, ...values });

async function saved(values: Partial<CustomerFormValues>) {
  const result = await createCustomer(db, input(values), actor);
  if (result.status !== "saved") throw new Error("expected a new customer");
  return result.customer;
}

describe("customer rules", () => {
  it("normalises what people type", () => {
    const value = input({ companyName: "  Acme Ltd ", email: "Billing@ACME.test", phone: "0712 345678", billingCountry: "ke", creditLimit: "5,000.50", tags: "VIP, wholesale, vip", website: "acme.test" });
    expect(value).toMatchObject({ companyName: "Acme Ltd", email: "billing@acme.test", phone: "+254712345678", billingCountry: "KE", creditLimit: 500050n, tags: ["vip", "wholesale"], website: "https://acme.test" });
  });

  it("gives a field error for each kind of bad input", () => {
    const cases: [Partial<CustomerFormValues>, string][] = [
      [{ companyName: "A", email: "not-an-email" }, "email"],
      [{ companyName: "A", phone: "12" }, "phone"],
      [{ companyName: "A", billingCountry: "XX" }, "billingCountry"],
      [{ companyName: "A", currency: "ABC" }, "currency"],
      [{ companyName: "A", creditLimit: "-10" }, "creditLimit"],
      [{ companyName: "A", creditLimit: "10.001" }, "creditLimit"],
      [{ companyName: "A", tags: "ok, <script>" }, "tags"],
      [{ companyName: "x".repeat(10_240) }, "companyName"],
      [{}, "companyName"],
      [{ companyName: "A", metadata: "[1,2]" }, "metadata"],
    ];
    for (const [values, field] of cases) {
      const result = customerInputSchema.safeParse({ ...blank, ...values });
      expect(result.success, field).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
    }
  });
});

describe("customer commands", () => {
  it("numbers customers CUST-0001 upwards and audits the creation", async () => {
    const first = await saved({ companyName: "First Co" });
    const second = await saved({ firstName: "Grace", lastName: "Hopper" });
    expect(first.number).toMatch(/^CUST-\d{4}$/);
    expect(Number(second.number.slice(5))).toBe(Number(first.number.slice(5)) + 1);
    expect(second.displayName).toBe("Grace Hopper");
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, "customer.created")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(actor.userId);
  });

  it("gives 20 concurrent creations 20 distinct consecutive numbers", async () => {
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => saved({ companyName: `Parallel ${i}` })));
    const numbers = created.map((c) => Number(c.number.slice(5))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.at(-1)! - numbers[0]!).toBe(19);
  });

  it("warns about look-alikes by email, tax id, or name and phone, and saves anyway when asked", async () => {
    await saved({ companyName: "Dup Source", email: "dup@example.test", taxId: "TAX-1", phone: "+14155550100" });
    for (const values of [{ email: "DUP@example.test" }, { taxId: "tax-1" }, { phone: "+1 415 555 0100" }]) {
      const result = await createCustomer(db, input({ companyName: "dup  source", ...values }), actor);
      expect(result.status).toBe("duplicates");
      if (result.status === "duplicates") expect(result.matches[0]?.displayName).toBe("Dup Source");
    }
    const forced = await createCustomer(db, input({ companyName: "Dup Source", email: "dup@example.test" }), actor, { allowDuplicate: true });
    expect(forced.status).toBe("saved");
  });

  it("saves an edit from the current version and refuses a stale one", async () => {
    const customer = await saved({ companyName: "Versioned", email: "v1@example.test" });
    const edited = await updateCustomer(db, customer.id, customer.version, input({ companyName: "Versioned", email: "v2@example.test" }), actor);
    expect(edited.status).toBe("saved");
    await expect(updateCustomer(db, customer.id, customer.version, input({ companyName: "Versioned", email: "v3@example.test" }), actor)).rejects.toBeInstanceOf(ConflictError);
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row?.email).toBe("v2@example.test");
    expect(row?.version).toBe(customer.version + 1);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, customer.id), eq(auditLog.action, "customer.updated")));
    expect(audit?.before).toMatchObject({ email: "v1@example.test" });
    expect(audit?.after).toMatchObject({ email: "v2@example.test" });
  });

  it("lets two concurrent edits of one version produce one save and one conflict", async () => {
    const customer = await saved({ companyName: "Race" });
    const results = await Promise.allSettled([
      updateCustomer(db, customer.id, customer.version, input({ companyName: "Race A" }), actor),
      updateCustomer(db, customer.id, customer.version, input({ companyName: "Race B" }), actor),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(ConflictError);
  });

  it("moves through suspend, reactivate, archive and restore, and refuses the rest", async () => {
    const customer = await saved({ companyName: "Lifecycle" });
    expect((await changeCustomerStatus(db, customer.id, "suspend", actor)).status).toBe("suspended");
    await expect(changeCustomerStatus(db, customer.id, "suspend", actor)).rejects.toBeInstanceOf(UserError);
    expect((await changeCustomerStatus(db, customer.id, "reactivate", actor)).status).toBe("active");
    expect((await changeCustomerStatus(db, customer.id, "archive", actor)).status).toBe("archived");
    await expect(changeCustomerStatus(db, customer.id, "reactivate", actor)).rejects.toThrow(/archived/);
    expect((await changeCustomerStatus(db, customer.id, "restore", actor)).status).toBe("active");
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, customer.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["customer.suspended", "customer.reactivated", "customer.archived", "customer.restored"]));
  });

  it("soft-deletes: the row stays, edits and status changes are refused", async () => {
    const customer = await saved({ companyName: "Gone" });
    await deleteCustomer(db, customer.id, actor);
    const [row] = await db.select({ deletedAt: customers.deletedAt }).from(customers).where(eq(customers.id, customer.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    await expect(changeCustomerStatus(db, customer.id, "archive", actor)).rejects.toThrow(/no longer exists/);
    await expect(updateCustomer(db, customer.id, customer.version + 1, input({ companyName: "Back" }), actor)).rejects.toThrow(/no longer exists/);
  });
});
