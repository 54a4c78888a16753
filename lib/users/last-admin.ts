import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";

export const LAST_ADMIN_MESSAGE =
  "This is the last active admin. Make another user an admin first, so someone can still manage the company.";

/**
 * Locks every active admin row FOR UPDATE (in id order, so two callers never deadlock) and
 * returns their ids. A concurrent demotion or deactivation waits here until this transaction
 * ends and then re-reads the rows, so two admins removing each other cannot both succeed.
 */
export async function lockActiveAdmins(tx: Db): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.id))
    .for("update");
  return rows.map((row) => row.id);
}

/** True when removing `userId` from the active admins would leave none. Call after lockActiveAdmins. */
export function wouldRemoveLastAdmin(activeAdminIds: string[], userId: string): boolean {
  return activeAdminIds.includes(userId) && activeAdminIds.length <= 1;
}
