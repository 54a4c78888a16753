import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users, type Role, type User } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { burnPasswordCheck, verifyPassword } from "./password";
import { hashRecoveryCode, looksLikeRecoveryCode, verifyTotp } from "./totp";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface LoginInput {
  email: string;
  password: string;
  code?: string;
}

/** What a JWT carries. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: string;
}

export type LoginFailure = "invalid" | "locked" | "totp_required" | "totp_invalid";
export type LoginResult = { ok: true; user: SessionUser } | { ok: false; reason: LoginFailure };

type Meta = Pick<Actor, "ip" | "userAgent">;

export function findUserByEmail(db: Db, email: string) {
  return db.query.users.findFirst({ where: sql`lower(${users.email}) = ${email.trim().toLowerCase()}` });
}

/** Checks a password (and second factor) with lockout, and audits the outcome. */
export async function verifyLogin(db: Db, input: LoginInput, meta: Meta = {}): Promise<LoginResult> {
  const user = await findUserByEmail(db, input.email);
  const actor: Actor = { ...meta, userId: user?.id ?? null, label: input.email.trim().toLowerCase() };

  if (!user || !user.passwordHash || user.deactivatedAt) {
    await burnPasswordCheck(input.password);
    await writeAudit(db, actor, { action: "auth.login_failed", entityType: "user", entityId: user?.id, after: { reason: user ? "inactive" : "unknown_email" } });
    return { ok: false, reason: "invalid" };
  }
  if (isLocked(user)) {
    await writeAudit(db, actor, { action: "auth.login_locked", entityType: "user", entityId: user.id });
    return { ok: false, reason: "locked" };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    return recordFailure(db, user, actor, "invalid", "wrong_password");
  }
  if (user.totpEnabledAt && user.totpSecret) {
    const code = input.code?.trim();
    if (!code) return { ok: false, reason: "totp_required" };
    if (!(await checkSecondFactor(db, user, code))) {
      return recordFailure(db, user, actor, "totp_invalid", "wrong_code");
    }
  }

  await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() })
    .where(eq(users.id, user.id));
  await writeAudit(db, actor, { action: "auth.login", entityType: "user", entityId: user.id });
  return { ok: true, user: toSessionUser(user) };
}

export function isLocked(user: Pick<User, "lockedUntil">, now = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

export function toSessionUser(user: User): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** A TOTP code, or a recovery code which is used up. */
async function checkSecondFactor(db: Db, user: User, code: string): Promise<boolean> {
  if (looksLikeRecoveryCode(code)) {
    const hash = hashRecoveryCode(code);
    // array_remove in one statement: two logins racing with the same code cannot both win
    const used = await db
      .update(users)
      .set({ totpRecoveryCodes: sql`array_remove(${users.totpRecoveryCodes}, ${hash})` })
      .where(and(eq(users.id, user.id), sql`${hash} = any(${users.totpRecoveryCodes})`))
      .returning({ id: users.id });
    return used.length === 1;
  }
  return verifyTotp(user.totpSecret ?? "", code);
}

// Counted atomically so parallel guesses cannot slip past the limit.
async function recordFailure(db: Db, user: User, actor: Actor, reason: LoginFailure, detail: string): Promise<LoginResult> {
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${users.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} then now() + make_interval(mins => ${LOCKOUT_MINUTES}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, user.id))
    .returning({ lockedUntil: users.lockedUntil });
  const lockedNow = row ? isLocked(row) : false;
  await writeAudit(db, actor, {
    action: lockedNow ? "auth.locked_out" : "auth.login_failed",
    entityType: "user",
    entityId: user.id,
    after: { reason: detail },
  });
  return { ok: false, reason: lockedNow ? "locked" : reason };
}

export function loginFailureMessage(reason: LoginFailure): string {
  switch (reason) {
    case "invalid":
      return "Invalid email or password.";
    case "locked":
      return `Too many failed sign-in attempts. This account is locked for ${LOCKOUT_MINUTES} minutes.`;
    case "totp_required":
      return "Enter the 6-digit code from your authenticator app.";
    case "totp_invalid":
      return "That code is not valid. Try the current code, or a recovery code.";
  }
}
