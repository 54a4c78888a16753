import { beforeAll, describe, expect, it } from "vitest";
import { users, type Role } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { listCustomerActivity } from "@/lib/customers/activity";
import { changeCustomerStatus, createCustomer, deleteCustomer, updateCustomer } from "@/lib/customers/commands";
import { getCustomerDetail, isUuid } from "@/lib/customers/detail";
import { addCustomerNote, editCustomerNote, type NoteActor } from "@/lib/customers/notes";
import { addPaymentMethodSchema } from "@/lib/customers/payment-method-schemas";
import { addPaymentMethod, removePaymentMethod, setDefaultPaymentMethod } from "@/lib/customers/payment-methods";
import { customerInputSchema, type CustomerFormValues } from "@/lib/customers/schemas";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
const actors = {} as Record<Role, NoteActor>;

const blank: CustomerFormValues = {
  companyName: "", firstName: "", lastName: "", email: "", phone: "", secondaryEmail: "", secondaryPhone: "",
  billingStreet: "", billingCity: "", billingRegion: "", billingPostalCode: "", billingCountry: "",
  shippingStreet: "", shippingCity: "", shippingRegion: "", shippingPostalCode: "", shippingCountry: "",
  taxId: "", industry: "", website: "", currency: "USD", paymentTerms: 30, creditLimit: "", preferredPaymentMethod: "",
  tags: "", notes: "", metadata: "", autoSendInvoices: false, sendReminders: true, language: "en",
};
const input = (values: Partial<CustomerFormValues>) => customerInputSchema.parse({ ...blank, ...values });

async function saved(values: Partial<CustomerFormValues>) {
  const result = await createCustomer(db, input(values), actors.finance, { allowDuplicate: true });
  if (result.status !== "saved") throw new Error("expected a saved customer");
  return result.customer;
}

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  for (const user of await db.select({ id: users.id, email: users.email, role: users.role }).from(users)) {
    actors[user.role] = { userId: user.id, label: user.email, role: user.role };
  }
});

describe("customer detail query", () => {
  it("returns a live customer with the name of who created it", async () => {
    const customer = await saved({ companyName: "Detail Co", creditLimit: "1,000.50" });
    const detail = await getCustomerDetail(db, customer.id);
    expect(detail).toMatchObject({ id: customer.id, displayName: "Detail Co", creditLimit: 100050n, createdByName: "Fin Ance" });
  });

  it("finds nothing for a deleted, unknown or malformed id", async () => {
    const customer = await saved({ companyName: "Gone Co" });
    await deleteCustomer(db, customer.id, actors.finance);
    expect(await getCustomerDetail(db, customer.id)).toBeNull();
    expect(await getCustomerDetail(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getCustomerDetail(db, "not-a-uuid")).toBeNull();
    expect(await getCustomerDetail(db, "1' or '1'='1")).toBeNull();
    expect(isUuid(customer.id)).toBe(true);
  });

  it("reads archived customers (they stay editable)", async () => {
    const customer = await saved({ companyName: "Archived Co" });
    await changeCustomerStatus(db, customer.id, "archive", actors.finance);
    expect((await getCustomerDetail(db, customer.id))?.status).toBe("archived");
  });
});

describe("customer activity", () => {
  it("tells the customer's story newest first, with actors and changed fields", async () => {
    const customer = await saved({ companyName: "Story Co", email: "old@story.test" });
    const other = await saved({ companyName: "Unrelated Co" });
    await addCustomerNote(db, { customerId: other.id, body: "Not this customer" }, actors.finance);

    const updated = await updateCustomer(db, customer.id, customer.version, input({ companyName: "Story Co", email: "new@story.test", phone: "+14155550123" }), actors.admin);
    if (updated.status !== "saved") throw new Error("expected a save");
    await changeCustomerStatus(db, customer.id, "suspend", actors.finance);
    const note = await addCustomerNote(db, { customerId: customer.id, body: "Asked for a statement." }, actors.finance);
    await editCustomerNote(db, { customerId: customer.id, noteId: note.id, body: "Asked for a statement of March." }, actors.finance);
    const cash = await addPaymentMethod(db, addPaymentMethodSchema.parse({ customerId: customer.id, kind: "cash" }), actors.finance);
    const bank = await addPaymentMethod(
      db,
      addPaymentMethodSchema.parse({ customerId: customer.id, kind: "bank_transfer", bankName: "Equity", accountLast4: "1234" }),
      actors.finance,
    );
    await setDefaultPaymentMethod(db, { customerId: customer.id, methodId: bank.id }, actors.finance);
    await removePaymentMethod(db, { customerId: customer.id, methodId: cash.id }, actors.finance);

    const { items, nextBefore } = await listCustomerActivity(db, customer.id);
    expect(nextBefore).toBeNull();
    expect(items.map((item) => item.summary)).toEqual([
      "Removed a payment method",
      "Made a payment method the default",
      "Added a payment method",
      "Added a payment method",
      "Edited a note",
      "Added a note",
      "Suspended",
      "Updated: email, phone",
      "Created",
    ]);
    expect(items.find((item) => item.summary === "Updated: email, phone")?.actorName).toBe("Ada Admin");
    expect(items.at(-1)?.actorName).toBe("Fin Ance");
    expect(items[1]?.detail).toBe("Bank transfer · Equity ••1234");
    expect(items[0]?.detail).toBe("Cash");
    expect(items.find((item) => item.summary === "Edited a note")?.detail).toBe("Asked for a statement of March.");
    expect(items.some((item) => item.detail === "Not this customer")).toBe(false);
  });

  it("pages older events with a cursor and caps a page at 100", async () => {
    const customer = await saved({ companyName: "Busy Co" });
    for (let i = 0; i < 6; i++) await addCustomerNote(db, { customerId: customer.id, body: `Note ${i}` }, actors.finance);
    const first = await listCustomerActivity(db, customer.id, { limit: 4 });
    expect(first.items.map((item) => item.detail)).toEqual(["Note 5", "Note 4", "Note 3", "Note 2"]);
    expect(first.nextBefore).toBe(first.items[3]?.id);
    const second = await listCustomerActivity(db, customer.id, { limit: 4, before: first.nextBefore });
    expect(second.items.map((item) => item.detail ?? item.summary)).toEqual(["Note 1", "Note 0", "Created"]);
    expect(second.nextBefore).toBeNull();
    const capped = await listCustomerActivity(db, customer.id, { limit: 10_000 });
    expect(capped.items).toHaveLength(7);
  });
});
