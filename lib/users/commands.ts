import { and, eq, isNull, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { companySettings, passwordResetTokens, users, type Role } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { writeAudit, type Actor } from "@/lib/audit";
import { issueLinkToken } from "@/lib/auth/link-tokens";
import { LAST_ADMIN_MESSAGE, lockActiveAdmins, wouldRemoveLastAdmin } from "./last-admin";
import type { ChangeRoleInput, InviteUserInput } from "./schemas";
import { readUserForUpdate, snapshotColumns, toSnapshot, type UserSnapshot } from "./snapshot";
import { sendInvitationEmail } from "./invitation-email";

type InvitationSent = Awaited<ReturnType<typeof sendInvitationEmail>>;

const DUPLICATE_EMAIL = "A user with this email already exists.";
const NOT_FOUND = "That user no longer exists.";

function refused<T>(error: string, fieldErrors?: Record<string, string[]>): ActionResult<T> {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as Error & { code?: unknown }).code === "23505") return true;
  }
  return false;
}

async function invitationContext(db: Db, actor: Actor) {
  const [company] = await db.select({ legalName: companySettings.legalName }).from(companySettings).limit(1);
  const inviter = actor.userId
    ? await db.query.users.findFirst({ where: eq(users.id, actor.userId), columns: { name: true } })
    : undefined;
  return { companyName: company?.legalName ?? "CleanPay", invitedBy: inviter?.name ?? actor.label ?? "An administrator" };
}

/**
 * Creates a user with no password plus a single-use invitation link, audited in one transaction;
 * the email goes out after the commit, so a rolled-back invite never mails a dead link.
 */
export async function inviteUser(db: Db, input: InviteUserInput, actor: Actor): Promise<ActionResult<{ userId: string } & InvitationSent>> {
  const email = input.email.trim().toLowerCase();
  let created: { user: UserSnapshot; token: string } | null;
  try {
    created = await db.transaction(async (tx) => {
      const existing = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
      if (existing.length > 0) return null;
      const [row] = await tx.insert(users).values({ email, name: input.name.trim(), role: input.role }).returning(snapshotColumns);
      if (!row) throw new Error("users insert returned no row");
      const user = toSnapshot(row);
      const token = await issueLinkToken(tx, user.id, "invitation");
      await writeAudit(tx, actor, { action: "user.invited", entityType: "user", entityId: user.id, after: user });
      return { user, token };
    });
  } catch (error) {
    // two invites of the same address racing: the unique index on lower(email) decides
    if (!isUniqueViolation(error)) throw error;
    created = null;
  }
  if (!created) return refused("Check the highlighted fields.", { email: [DUPLICATE_EMAIL] });
  const sent = await sendInvitationEmail(db, { ...(await invitationContext(db, actor)), user: created.user, token: created.token });
  return { ok: true, data: { userId: created.user.id, ...sent } };
}

/** A fresh invitation link for someone who has not set a password yet; older links stop working. */
export async function resendInvitation(db: Db, userId: string, actor: Actor): Promise<ActionResult<InvitationSent>> {
  type Issued = { user: UserSnapshot; token: string };
  const result = await db.transaction(async (tx): Promise<ActionResult<Issued>> => {
    const user = await readUserForUpdate(tx, userId);
    if (!user) return refused(NOT_FOUND);
    if (user.hasPassword) return refused(`${user.name} has already set a password.`);
    if (user.deactivatedAt) return refused(`${user.name} is deactivated. Reactivate them first.`);
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, userId), eq(passwordResetTokens.purpose, "invitation"), isNull(passwordResetTokens.usedAt)));
    const token = await issueLinkToken(tx, userId, "invitation");
    await writeAudit(tx, actor, { action: "user.invitation_resent", entityType: "user", entityId: userId, before: user, after: user });
    return { ok: true, data: { user, token } };
  });
  if (!result.ok) return result;
  return { ok: true, data: await sendInvitationEmail(db, { ...(await invitationContext(db, actor)), ...result.data }) };
}

/** Role changes end the user's sessions (new session version), so the new role applies at once. */
export async function changeUserRole(db: Db, input: ChangeRoleInput, actor: Actor): Promise<ActionResult<{ role: Role }>> {
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const before = await readUserForUpdate(tx, input.userId);
    if (!before) return refused(NOT_FOUND);
    if (before.role === input.role) return { ok: true, data: { role: input.role } };
    if (input.role !== "admin" && wouldRemoveLastAdmin(admins, before.id)) return refused(LAST_ADMIN_MESSAGE);
    const after = await updateUser(tx, before.id, { role: input.role, sessionVersion: sql`gen_random_uuid()` });
    await writeAudit(tx, actor, { action: "user.role_changed", entityType: "user", entityId: before.id, before, after: { ...after, sessionRotated: true } });
    return { ok: true, data: { role: input.role } };
  });
}

/** Deactivating ends the user's sessions at once (new session version); sign-in is refused from then on. */
export async function deactivateUser(db: Db, userId: string, actor: Actor): Promise<ActionResult<null>> {
  if (actor.userId === userId) return refused("You cannot deactivate your own account. Ask another admin to do it.");
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const before = await readUserForUpdate(tx, userId);
    if (!before) return refused(NOT_FOUND);
    if (before.deactivatedAt) return { ok: true, data: null };
    if (wouldRemoveLastAdmin(admins, userId)) return refused(LAST_ADMIN_MESSAGE);
    const after = await updateUser(tx, userId, { deactivatedAt: sql`now()`, sessionVersion: sql`gen_random_uuid()` });
    await writeAudit(tx, actor, { action: "user.deactivated", entityType: "user", entityId: userId, before, after: { ...after, sessionRotated: true } });
    return { ok: true, data: null };
  });
}

export async function reactivateUser(db: Db, userId: string, actor: Actor): Promise<ActionResult<null>> {
  return db.transaction(async (tx) => {
    const before = await readUserForUpdate(tx, userId);
    if (!before) return refused(NOT_FOUND);
    if (!before.deactivatedAt) return { ok: true, data: null };
    const after = await updateUser(tx, userId, { deactivatedAt: null, sessionVersion: sql`gen_random_uuid()` });
    await writeAudit(tx, actor, { action: "user.reactivated", entityType: "user", entityId: userId, before, after });
    return { ok: true, data: null };
  });
}

/** Lifts a sign-in lockout before it expires on its own. */
export async function unlockUser(db: Db, userId: string, actor: Actor): Promise<ActionResult<null>> {
  return db.transaction(async (tx) => {
    const before = await readUserForUpdate(tx, userId);
    if (!before) return refused(NOT_FOUND);
    const after = await updateUser(tx, userId, { failedLoginCount: 0, lockedUntil: null });
    await writeAudit(tx, actor, { action: "user.unlocked", entityType: "user", entityId: userId, before, after });
    return { ok: true, data: null };
  });
}

async function updateUser(tx: Db, userId: string, changes: PgUpdateSetSource<typeof users>): Promise<UserSnapshot> {
  const [row] = await tx.update(users).set(changes).where(eq(users.id, userId)).returning(snapshotColumns);
  if (!row) throw new Error(`user ${userId} vanished during update`);
  return toSnapshot(row);
}
