import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { customerNotes, users, type Role } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { assertPermission } from "@/lib/auth/permissions";
import { UserError } from "@/lib/errors";
import { lockCustomer } from "./commands";
import { noteBody, type AddNoteInput, type EditNoteInput, type NoteRef } from "./note-schemas";

/** The acting staff member: notes check the role here, not only in the UI or the action. */
export type NoteActor = Actor & { userId: string; role: Role };

// Admins moderate: they may edit or delete anyone's note. Everyone else only their own.
const MODERATOR_ROLES: readonly Role[] = ["admin"];

export function canChangeNote(authorId: string, user: { id: string; role: Role }): boolean {
  return authorId === user.id || MODERATOR_ROLES.includes(user.role);
}

export interface CustomerNoteView {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The customer's notes (not deleted), newest first, with the author's current name. */
export async function listCustomerNotes(db: Db, customerId: string): Promise<CustomerNoteView[]> {
  return db
    .select({
      id: customerNotes.id,
      body: customerNotes.body,
      authorId: customerNotes.authorId,
      authorName: users.name,
      createdAt: customerNotes.createdAt,
      updatedAt: customerNotes.updatedAt,
    })
    .from(customerNotes)
    .innerJoin(users, eq(users.id, customerNotes.authorId))
    .where(and(eq(customerNotes.customerId, customerId), isNull(customerNotes.deletedAt)))
    .orderBy(desc(customerNotes.createdAt), desc(customerNotes.id));
}

/** Lib callers get the same rule as the form: 1–5,000 characters after trimming. */
function parseBody(text: string): string {
  const parsed = noteBody.safeParse(text);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? "Check the note.";
  throw new UserError(message, { body: [message] });
}

export async function addCustomerNote(db: Db, input: AddNoteInput, actor: NoteActor): Promise<CustomerNoteView> {
  assertPermission(actor.role, "customers.write");
  const body = parseBody(input.body);
  return db.transaction(async (tx) => {
    // a note on a customer deleted meanwhile is refused
    await lockCustomer(tx, input.customerId);
    const [row] = await tx.insert(customerNotes).values({ customerId: input.customerId, authorId: actor.userId, body }).returning();
    if (!row) throw new Error("customer_notes insert returned no row");
    await writeAudit(tx, actor, { action: "customer_note.created", entityType: "customer_note", entityId: row.id, after: { customerId: row.customerId, body } });
    const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    return { id: row.id, body: row.body, authorId: row.authorId, authorName: author?.name ?? "", createdAt: row.createdAt, updatedAt: row.updatedAt };
  });
}

/** The live note of this customer, locked, after checking the actor may change it. */
async function lockChangeableNote(tx: Db, ref: NoteRef, actor: NoteActor) {
  const [note] = await tx
    .select()
    .from(customerNotes)
    .where(and(eq(customerNotes.id, ref.noteId), eq(customerNotes.customerId, ref.customerId), isNull(customerNotes.deletedAt)))
    .for("update");
  if (!note) throw new UserError("That note no longer exists.");
  if (!canChangeNote(note.authorId, { id: actor.userId, role: actor.role })) {
    throw new UserError("You can only change your own notes.");
  }
  return note;
}

export async function editCustomerNote(db: Db, input: EditNoteInput, actor: NoteActor): Promise<void> {
  assertPermission(actor.role, "customers.write");
  const body = parseBody(input.body);
  await db.transaction(async (tx) => {
    const note = await lockChangeableNote(tx, input, actor);
    if (note.body === body) return;
    await tx.update(customerNotes).set({ body }).where(eq(customerNotes.id, note.id));
    await writeAudit(tx, actor, {
      action: "customer_note.updated",
      entityType: "customer_note",
      entityId: note.id,
      before: { customerId: note.customerId, body: note.body },
      after: { customerId: note.customerId, body },
    });
  });
}

/** Soft delete: the text stays in the table and in the audit log. */
export async function deleteCustomerNote(db: Db, ref: NoteRef, actor: NoteActor): Promise<void> {
  assertPermission(actor.role, "customers.write");
  await db.transaction(async (tx) => {
    const note = await lockChangeableNote(tx, ref, actor);
    await tx.update(customerNotes).set({ deletedAt: new Date() }).where(eq(customerNotes.id, note.id));
    await writeAudit(tx, actor, {
      action: "customer_note.deleted",
      entityType: "customer_note",
      entityId: note.id,
      before: { customerId: note.customerId, body: note.body, authorId: note.authorId },
      after: { customerId: note.customerId },
    });
  });
}
