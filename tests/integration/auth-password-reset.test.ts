import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailMessages, passwordResetTokens, users } from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit";
import { checkLinkToken, issueLinkToken } from "@/lib/auth/link-tokens";
import { verifyLogin } from "@/lib/auth/login";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { completePasswordReset, requestPasswordReset } from "@/lib/auth/password-reset";
import { sha256 } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
const actor: Actor = { userId: null, ip: "198.51.100.7" };
const NEW_PASSWORD = "a brand new password";

let n = 0;
async function makeUser(values: Partial<typeof users.$inferInsert> = {}) {
  const email = `reset-${++n}@example.test`;
  const [row] = await db
    .insert(users)
    .values({ email, name: `Reset ${n}`, role: "viewer", passwordHash: await hashPassword("the old password"), ...values })
    .returning();
  return row!;
}

async function counts() {
  const [[emails], [tokens], [audits]] = await Promise.all([
    db.select({ n: count() }).from(emailMessages),
    db.select({ n: count() }).from(passwordResetTokens),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { emails: emails?.n, tokens: tokens?.n, audits: audits?.n };
}

describe("requestPasswordReset", () => {
  it("writes and sends nothing for an unknown or deactivated address", async () => {
    const gone = await makeUser({ deactivatedAt: new Date() });
    const before = await counts();
    await requestPasswordReset(db, "no-such-user@example.test", actor);
    await requestPasswordReset(db, gone.email, actor);
    expect(await counts()).toEqual(before);
  });

  it("emails a working single-use link to a known user, and audits the request", async () => {
    const user = await makeUser();
    await requestPasswordReset(db, `  ${user.email.toUpperCase()}`, actor);

    const [email] = await db.select().from(emailMessages).where(eq(emailMessages.entityId, user.id));
    expect(email).toMatchObject({ template: "password-reset", toAddresses: [user.email], status: "sent" });
    const prefix = `${env().APP_URL}/reset-password/`;
    const token = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}([A-Za-z0-9_-]+)`).exec(email!.html)?.[1];
    expect(token).toBeDefined();
    expect(email!.text).toContain(`${prefix}${token}`);

    const [row] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(row).toMatchObject({ purpose: "password_reset", tokenHash: sha256(token!), usedAt: null });
    expect(await checkLinkToken(db, token!)).toMatchObject({ ok: true, userId: user.id, purpose: "password_reset" });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "auth.password_reset_requested")));
    expect(audit).toMatchObject({ ip: "198.51.100.7", actorLabel: user.email });
  });

  it("also serves an invited user who has no password yet", async () => {
    const user = await makeUser({ passwordHash: null });
    await requestPasswordReset(db, user.email, actor);
    const [row] = await db.select({ n: count() }).from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(row?.n).toBe(1);
  });
});

describe("completePasswordReset", () => {
  it("sets the password, ends every session, lifts a lockout and works once", async () => {
    const user = await makeUser({ failedLoginCount: 3, lockedUntil: new Date(Date.now() + 60_000) });
    const token = await issueLinkToken(db, user.id, "password_reset");

    expect(await completePasswordReset(db, token, NEW_PASSWORD, actor)).toEqual({ ok: true, userId: user.id, email: user.email });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.sessionVersion).not.toBe(user.sessionVersion);
    expect(after).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    expect(await verifyPassword(after!.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect((await verifyLogin(db, { email: user.email, password: NEW_PASSWORD })).ok).toBe(true);

    expect(await completePasswordReset(db, token, "yet another password", actor)).toEqual({ ok: false, reason: "used" });
    const [still] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(still!.hash!, NEW_PASSWORD)).toBe(true);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "auth.password_reset")));
    expect(audit).toMatchObject({ actorId: user.id, ip: "198.51.100.7" });
  });

  it("spends the user's other open links with it", async () => {
    const user = await makeUser();
    const first = await issueLinkToken(db, user.id, "password_reset");
    const second = await issueLinkToken(db, user.id, "password_reset");
    expect((await completePasswordReset(db, second, NEW_PASSWORD, actor)).ok).toBe(true);
    expect(await checkLinkToken(db, first)).toEqual({ ok: false, reason: "used" });
    expect(await completePasswordReset(db, first, "someone else's choice", actor)).toEqual({ ok: false, reason: "used" });
  });

  it("refuses an expired token and leaves the password alone", async () => {
    const user = await makeUser();
    const token = await issueLinkToken(db, user.id, "password_reset");
    await db.update(passwordResetTokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(passwordResetTokens.tokenHash, sha256(token)));
    expect(await checkLinkToken(db, token)).toEqual({ ok: false, reason: "expired" });
    expect(await completePasswordReset(db, token, NEW_PASSWORD, actor)).toEqual({ ok: false, reason: "expired" });
    const [row] = await db.select({ hash: users.passwordHash, version: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(row?.hash).toBe(user.passwordHash);
    expect(row?.version).toBe(user.sessionVersion);
  });

  it("refuses an unknown token and a token of a deactivated user", async () => {
    expect(await completePasswordReset(db, "not-a-real-token", NEW_PASSWORD, actor)).toEqual({ ok: false, reason: "unknown" });
    const user = await makeUser();
    const token = await issueLinkToken(db, user.id, "password_reset");
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    expect(await completePasswordReset(db, token, NEW_PASSWORD, actor)).toEqual({ ok: false, reason: "unknown" });
  });

  it("lets exactly one of two simultaneous completions win", async () => {
    const user = await makeUser();
    const token = await issueLinkToken(db, user.id, "password_reset");
    const results = await Promise.all([
      completePasswordReset(db, token, "first racer password", actor),
      completePasswordReset(db, token, "second racer password", actor),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
    const winner = results[0]?.ok ? "first racer password" : "second racer password";
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.hash!, winner)).toBe(true);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "auth.password_reset")));
    expect(audits).toHaveLength(1);
  });

  it("accepts an invitation: the invited user gets a first password", async () => {
    const user = await makeUser({ passwordHash: null });
    const token = await issueLinkToken(db, user.id, "invitation");
    expect(await checkLinkToken(db, token)).toMatchObject({ ok: true, purpose: "invitation", name: user.name });
    expect((await completePasswordReset(db, token, NEW_PASSWORD, SYSTEM_ACTOR)).ok).toBe(true);
    expect((await verifyLogin(db, { email: user.email, password: NEW_PASSWORD })).ok).toBe(true);
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, user.id))).map((r) => r.action);
    expect(actions).toContain("auth.invitation_accepted");
  });
});
