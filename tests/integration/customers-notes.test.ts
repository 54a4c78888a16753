import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, customerNotes, users, type Role } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { ForbiddenError } from "@/lib/auth/permissions";
import { createCustomer, deleteCustomer } from "@/lib/customers/commands";
import { addCustomerNote, deleteCustomerNote, editCustomerNote, listCustomerNotes, type NoteActor } from "@/lib/customers/notes";
import { customerInputSchema } from "@/lib/customers/schemas";
import { UserError } from "@/lib/errors";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
const actors = {} as Record<Role, NoteActor>;
let customerId: string;

async function newCustomer(companyName: string) {
  const input = customerInputSchema.parse({
    companyName, firstName: "", lastName: "", email: "", phone: "", secondaryEmail: "", secondaryPhone: "",
    billingStreet: "", billingCity: "", billingRegion: "", billingPostalCode: "", billingCountry: "",
    shippingStreet: "", shippingCity: "", shippingRegion: "", shippingPostalCode: "", shippingCountry: "",
    taxId: "", industry: "", website: "", currency: "USD", paymentTerms: 30, creditLimit: "", preferredPaymentMethod: "",
    tags: "", notes: "", metadata: "", autoSendInvoices: false, sendReminders: true, language: "en",
  });
  const result = await createCustomer(db, input, actors.finance, { allowDuplicate: true });
  if (result.status !== "saved") throw new Error("expected a saved customer");
  return result.customer.id;
}

async function noteCount() {
  const [row] = await db.select({ n: count() }).from(customerNotes);
  return row?.n ?? 0;
}

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  for (const user of await db.select({ id: users.id, email: users.email, role: users.role }).from(users)) {
    actors[user.role] = { userId: user.id, label: user.email, role: user.role };
  }
  customerId = await newCustomer("Notes Co");
});

describe("customer notes", () => {
  it("adds a note with its author, lists it newest first, and audits it with the customer id", async () => {
    const first = await addCustomerNote(db, { customerId, body: "  Called about the March invoice.  " }, actors.finance);
    const second = await addCustomerNote(db, { customerId, body: "Prefers email." }, actors.admin);
    expect(first.body).toBe("Called about the March invoice.");
    const notes = await listCustomerNotes(db, customerId);
    expect(notes.map((n) => n.id).slice(0, 2)).toEqual([second.id, first.id]);
    expect(notes.find((n) => n.id === first.id)?.authorName).toBe("Fin Ance");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, "customer_note.created")));
    expect(audit?.entityType).toBe("customer_note");
    expect(audit?.after).toMatchObject({ customerId, body: "Called about the March invoice." });
  });

  it("refuses an empty or over-long note and writes nothing", async () => {
    const before = await noteCount();
    await expect(addCustomerNote(db, { customerId, body: "   " }, actors.finance)).rejects.toBeInstanceOf(UserError);
    await expect(addCustomerNote(db, { customerId, body: "x".repeat(5001) }, actors.finance)).rejects.toThrow(/5,000/);
    expect(await noteCount()).toBe(before);
    const note = await addCustomerNote(db, { customerId, body: "y".repeat(5000) }, actors.finance);
    expect(note.body).toHaveLength(5000);
  });

  it("refuses a viewer in lib, whatever the UI shows", async () => {
    const before = await noteCount();
    await expect(addCustomerNote(db, { customerId, body: "Sneaky" }, actors.viewer)).rejects.toBeInstanceOf(ForbiddenError);
    const own = await addCustomerNote(db, { customerId, body: "Mine" }, actors.finance);
    await expect(editCustomerNote(db, { customerId, noteId: own.id, body: "Changed" }, actors.viewer)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await noteCount()).toBe(before + 1);
  });

  it("lets the author edit and delete their own note, not another finance user's", async () => {
    const [otherFinance] = await db.insert(users).values({ email: "finance2@demo.cleanpay.test", name: "Fin Two", role: "finance" }).returning({ id: users.id });
    const other: NoteActor = { userId: otherFinance!.id, label: "finance2", role: "finance" };
    const note = await addCustomerNote(db, { customerId, body: "Original" }, actors.finance);

    await expect(editCustomerNote(db, { customerId, noteId: note.id, body: "Hijacked" }, other)).rejects.toThrow("You can only change your own notes.");
    await expect(deleteCustomerNote(db, { customerId, noteId: note.id }, other)).rejects.toThrow("You can only change your own notes.");

    await editCustomerNote(db, { customerId, noteId: note.id, body: "Edited by author" }, actors.finance);
    const [row] = await db.select().from(customerNotes).where(eq(customerNotes.id, note.id));
    expect(row?.body).toBe("Edited by author");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, note.id), eq(auditLog.action, "customer_note.updated")));
    expect(audit?.before).toMatchObject({ body: "Original" });
    expect(audit?.after).toMatchObject({ customerId, body: "Edited by author" });

    await deleteCustomerNote(db, { customerId, noteId: note.id }, actors.finance);
    expect((await listCustomerNotes(db, customerId)).some((n) => n.id === note.id)).toBe(false);
    const [kept] = await db.select().from(customerNotes).where(eq(customerNotes.id, note.id));
    expect(kept?.deletedAt).toBeInstanceOf(Date);
  });

  it("lets an admin edit and delete anyone's note", async () => {
    const note = await addCustomerNote(db, { customerId, body: "Finance wrote this" }, actors.finance);
    await editCustomerNote(db, { customerId, noteId: note.id, body: "Admin fixed a typo" }, actors.admin);
    const [row] = await db.select({ body: customerNotes.body, authorId: customerNotes.authorId }).from(customerNotes).where(eq(customerNotes.id, note.id));
    expect(row).toEqual({ body: "Admin fixed a typo", authorId: actors.finance.userId });
    await deleteCustomerNote(db, { customerId, noteId: note.id }, actors.admin);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, note.id), eq(auditLog.action, "customer_note.deleted")));
    expect(audit?.actorId).toBe(actors.admin.userId);
  });

  it("scopes a note to its customer and refuses notes on a deleted customer", async () => {
    const otherCustomer = await newCustomer("Elsewhere Ltd");
    const note = await addCustomerNote(db, { customerId, body: "Belongs here" }, actors.finance);
    await expect(editCustomerNote(db, { customerId: otherCustomer, noteId: note.id, body: "x" }, actors.admin)).rejects.toThrow("That note no longer exists.");
    await deleteCustomer(db, otherCustomer, actors.finance);
    await expect(addCustomerNote(db, { customerId: otherCustomer, body: "Too late" }, actors.finance)).rejects.toThrow("That customer no longer exists.");
  });
});
