import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, type Customer, type CustomerStatus } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { ConflictError, UserError } from "@/lib/errors";
import { findDuplicateCustomers, type DuplicateMatch } from "./duplicates";
import { nextCustomerNumbers } from "./numbers";
import type { CustomerInput } from "./schemas";

export type SaveResult = { status: "saved"; customer: Customer } | { status: "duplicates"; matches: DuplicateMatch[] };

/** Creates a customer with the next CUST- number. Unless `allowDuplicate`, look-alikes are returned instead. */
export async function createCustomer(db: Db, input: CustomerInput, actor: Actor, options: { allowDuplicate?: boolean } = {}): Promise<SaveResult> {
  if (!options.allowDuplicate) {
    const matches = await findDuplicateCustomers(db, input);
    if (matches.length) return { status: "duplicates", matches };
  }
  const customer = await db.transaction(async (tx) => {
    const [number] = await nextCustomerNumbers(tx, 1);
    const [row] = await tx
      .insert(customers)
      .values({ ...input, number: number!, createdBy: actor.userId })
      .returning();
    if (!row) throw new Error("customers insert returned no row");
    await writeAudit(tx, actor, { action: "customer.created", entityType: "customer", entityId: row.id, after: row });
    return row;
  });
  return { status: "saved", customer };
}

/**
 * Saves an edit made from `version`. If someone saved in between, the version no longer matches
 * and the edit is refused with a conflict instead of silently overwriting their change.
 */
export async function updateCustomer(
  db: Db,
  id: string,
  version: number,
  input: CustomerInput,
  actor: Actor,
  options: { allowDuplicate?: boolean } = {},
): Promise<SaveResult> {
  if (!options.allowDuplicate) {
    const matches = await findDuplicateCustomers(db, input, id);
    if (matches.length) return { status: "duplicates", matches };
  }
  const customer = await db.transaction(async (tx) => {
    const before = await lockCustomer(tx, id);
    if (before.version !== version) throw new ConflictError(before.displayName);
    const [after] = await tx
      .update(customers)
      .set({ ...input, version: sql`${customers.version} + 1` })
      .where(eq(customers.id, id))
      .returning();
    await writeAudit(tx, actor, { action: "customer.updated", entityType: "customer", entityId: id, before, after });
    return after!;
  });
  return { status: "saved", customer };
}

export type StatusChange = "suspend" | "reactivate" | "archive" | "restore";

const TRANSITIONS: Record<StatusChange, { from: CustomerStatus[]; to: CustomerStatus; action: string }> = {
  suspend: { from: ["active"], to: "suspended", action: "customer.suspended" },
  reactivate: { from: ["suspended"], to: "active", action: "customer.reactivated" },
  archive: { from: ["active", "suspended"], to: "archived", action: "customer.archived" },
  restore: { from: ["archived"], to: "active", action: "customer.restored" },
};

/** Suspend / reactivate / archive / restore, checked against the current status under a row lock. */
export async function changeCustomerStatus(db: Db, id: string, change: StatusChange, actor: Actor): Promise<Customer> {
  return db.transaction(async (tx) => {
    const before = await lockCustomer(tx, id);
    const rule = TRANSITIONS[change];
    if (!rule.from.includes(before.status)) {
      throw new UserError(`${before.displayName} is ${before.status}, so it cannot be ${rule.action.split(".")[1]}.`);
    }
    const [after] = await tx
      .update(customers)
      .set({ status: rule.to, version: sql`${customers.version} + 1` })
      .where(eq(customers.id, id))
      .returning();
    await writeAudit(tx, actor, { action: rule.action, entityType: "customer", entityId: id, before: { status: before.status }, after: { status: rule.to } });
    return after!;
  });
}

/** Soft delete: the row and its history stay; lists and pickers no longer show it. */
export async function deleteCustomer(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockCustomer(tx, id);
    await tx.update(customers).set({ deletedAt: new Date(), version: sql`${customers.version} + 1` }).where(eq(customers.id, id));
    await writeAudit(tx, actor, { action: "customer.deleted", entityType: "customer", entityId: id, before: { number: before.number, displayName: before.displayName } });
  });
}

/** The live (not deleted) customer, locked FOR UPDATE until the transaction ends. */
export async function lockCustomer(tx: Db, id: string): Promise<Customer> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.deletedAt)))
    .for("update");
  if (!row) throw new UserError("That customer no longer exists.");
  return row;
}
