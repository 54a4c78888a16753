import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export type PasswordChangeResult = { ok: true; sessionVersion: string } | { ok: false; reason: "wrong_password" };

/**
 * Changes the signed-in user's password and rotates the session version, which ends every session
 * of the user; the caller hands the new version to its own session so that one stays signed in.
 */
export async function changePassword(db: Db, userId: string, input: PasswordChange, actor: Actor): Promise<PasswordChangeResult> {
  const user = await db.query.users.findFirst({ where: eq(users.id, userId), columns: { passwordHash: true } });
  const oldHash = user?.passwordHash;
  if (!oldHash || !(await verifyPassword(oldHash, input.currentPassword))) return { ok: false, reason: "wrong_password" };

  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    // guarded on the hash we verified against: a password changed meanwhile elsewhere wins
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`gen_random_uuid()` })
      .where(and(eq(users.id, userId), eq(users.passwordHash, oldHash)))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) return { ok: false, reason: "wrong_password" } as const;
    await writeAudit(tx, actor, { action: "account.password_changed", entityType: "user", entityId: userId });
    return { ok: true, sessionVersion: row.sessionVersion } as const;
  });
}
