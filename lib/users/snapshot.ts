import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users, type Role } from "@/db/schema";

/** The part of a user that audit rows record: never the password hash, TOTP fields or session version. */
export interface UserSnapshot {
  id: string;
  email: string;
  name: string;
  role: Role;
  hasPassword: boolean;
  deactivatedAt: string | null;
  lockedUntil: string | null;
  failedLoginCount: number;
}

export const snapshotColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  passwordHash: users.passwordHash,
  deactivatedAt: users.deactivatedAt,
  lockedUntil: users.lockedUntil,
  failedLoginCount: users.failedLoginCount,
};

type SnapshotRow = { [K in keyof typeof snapshotColumns]: (typeof users.$inferSelect)[K] };

export function toSnapshot(row: SnapshotRow): UserSnapshot {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    hasPassword: row.passwordHash !== null,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    failedLoginCount: row.failedLoginCount,
  };
}

/** Reads and locks FOR UPDATE one user for a command in the caller's transaction. */
export async function readUserForUpdate(tx: Db, userId: string): Promise<UserSnapshot | null> {
  const [row] = await tx.select(snapshotColumns).from(users).where(eq(users.id, userId)).for("update");
  return row ? toSnapshot(row) : null;
}
