import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { changePassword } from "@/lib/account/password";
import { updateProfile } from "@/lib/account/profile";
import { getSecurityOverview } from "@/lib/account/security";
import { verifyLogin } from "@/lib/auth/login";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { confirmTwoFactor, disableTwoFactor, regenerateRecoveryCodes, startTwoFactorSetup } from "@/lib/auth/two-factor";
import { createTestDatabase } from "../helpers/db";
import { wrongCode } from "../helpers/totp";

const { db } = await createTestDatabase();
const PASSWORD = "my current password";

let n = 0;
async function makeUser() {
  const email = `account-${++n}@example.test`;
  const [row] = await db
    .insert(users)
    .values({ email, name: `Account ${n}`, role: "finance", passwordHash: await hashPassword(PASSWORD) })
    .returning();
  const actor: Actor = { userId: row!.id, label: email, ip: "192.0.2.1" };
  return { user: row!, actor };
}

async function actionsOf(userId: string) {
  return (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, userId))).map((r) => r.action);
}

describe("changePassword", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const { user, actor } = await makeUser();
    expect(await changePassword(db, user.id, { currentPassword: "not my password", newPassword: "something new here" }, actor)).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toBe(user.passwordHash);
    expect(row?.sessionVersion).toBe(user.sessionVersion);
    expect(await actionsOf(user.id)).toEqual([]);
  });

  it("changes the hash and rotates the session version, returning the new one", async () => {
    const { user, actor } = await makeUser();
    const result = await changePassword(db, user.id, { currentPassword: PASSWORD, newPassword: "something new here" }, actor);
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.sessionVersion).not.toBe(user.sessionVersion);
    expect(result).toEqual({ ok: true, sessionVersion: row?.sessionVersion });
    expect(await verifyPassword(row!.passwordHash!, "something new here")).toBe(true);
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(false);
    expect(await actionsOf(user.id)).toEqual(["account.password_changed"]);
  });
});

describe("updateProfile", () => {
  it("refuses an email another account has, whatever its case", async () => {
    const { user: other } = await makeUser();
    const { user, actor } = await makeUser();
    expect(await updateProfile(db, user.id, { name: "New Name", email: other.email.toUpperCase() }, actor)).toEqual({
      ok: false,
      reason: "email_taken",
    });
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe(user.name);
  });

  it("saves name and email with the before and after in the audit log", async () => {
    const { user, actor } = await makeUser();
    expect(await updateProfile(db, user.id, { name: "Renamed", email: "renamed@example.test" }, actor)).toEqual({ ok: true });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "account.profile_updated")));
    expect(audit).toMatchObject({
      actorId: user.id,
      before: { name: user.name, email: user.email },
      after: { name: "Renamed", email: "renamed@example.test" },
    });
    // the user's own address in another case is not "taken"
    expect(await updateProfile(db, user.id, { name: "Renamed", email: "RENAMED@example.test" }, actor)).toEqual({ ok: true });
  });
});

describe("two-factor set-up", () => {
  it("enables only after a right code, then yields ten working recovery codes", async () => {
    const { user, actor } = await makeUser();
    const setup = await startTwoFactorSetup(db, user.id, actor);
    if (!setup.ok) throw new Error(setup.reason);
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const [pending] = await db.select().from(users).where(eq(users.id, user.id));
    expect(pending).toMatchObject({ totpSecret: setup.secret, totpEnabledAt: null });
    // not in force yet: the password alone still signs in
    expect((await verifyLogin(db, { email: user.email, password: PASSWORD })).ok).toBe(true);

    expect(await confirmTwoFactor(db, user.id, await wrongCode(setup.secret), actor)).toEqual({ ok: false, reason: "invalid_code" });
    expect((await getSecurityOverview(db, user.id)).totpEnabled).toBe(false);

    const confirmed = await confirmTwoFactor(db, user.id, await generate({ secret: setup.secret }), actor);
    if (!confirmed.ok) throw new Error(confirmed.reason);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect(await getSecurityOverview(db, user.id)).toEqual({ totpEnabled: true, recoveryCodesLeft: 10 });
    expect(await verifyLogin(db, { email: user.email, password: PASSWORD })).toEqual({ ok: false, reason: "totp_required" });
    expect((await verifyLogin(db, { email: user.email, password: PASSWORD, code: confirmed.recoveryCodes[0] })).ok).toBe(true);
    expect(await getSecurityOverview(db, user.id)).toEqual({ totpEnabled: true, recoveryCodesLeft: 9 });

    // a second Enable while on is refused rather than replacing the secret in force
    expect(await startTwoFactorSetup(db, user.id, actor)).toEqual({ ok: false, reason: "already_enabled" });
    expect(await actionsOf(user.id)).toEqual(expect.arrayContaining(["account.totp_setup_started", "account.totp_enabled"]));
  });

  it("refuses to confirm before set-up has started", async () => {
    const { user, actor } = await makeUser();
    expect(await confirmTwoFactor(db, user.id, "123456", actor)).toEqual({ ok: false, reason: "not_started" });
  });

  it("regenerates recovery codes only with a current code, replacing the old ones", async () => {
    const { user, actor } = await makeUser();
    const setup = await startTwoFactorSetup(db, user.id, actor);
    if (!setup.ok) throw new Error(setup.reason);
    const first = await confirmTwoFactor(db, user.id, await generate({ secret: setup.secret }), actor);
    if (!first.ok) throw new Error(first.reason);

    expect(await regenerateRecoveryCodes(db, user.id, await wrongCode(setup.secret), actor)).toEqual({ ok: false, reason: "invalid_code" });
    // a recovery code is not accepted here: it takes the authenticator itself
    expect(await regenerateRecoveryCodes(db, user.id, first.recoveryCodes[0]!, actor)).toEqual({ ok: false, reason: "invalid_code" });
    const second = await regenerateRecoveryCodes(db, user.id, await generate({ secret: setup.secret }), actor);
    if (!second.ok) throw new Error(second.reason);
    expect(second.recoveryCodes).toHaveLength(10);
    expect(await verifyLogin(db, { email: user.email, password: PASSWORD, code: first.recoveryCodes[1] })).toEqual({ ok: false, reason: "totp_invalid" });
    expect((await verifyLogin(db, { email: user.email, password: PASSWORD, code: second.recoveryCodes[1] })).ok).toBe(true);
    expect(await actionsOf(user.id)).toContain("account.recovery_codes_regenerated");
  });

  it("disables only with the account password, clearing the secret and codes", async () => {
    const { user, actor } = await makeUser();
    const setup = await startTwoFactorSetup(db, user.id, actor);
    if (!setup.ok) throw new Error(setup.reason);
    expect((await confirmTwoFactor(db, user.id, await generate({ secret: setup.secret }), actor)).ok).toBe(true);

    expect(await disableTwoFactor(db, user.id, "not my password", actor)).toEqual({ ok: false, reason: "wrong_password" });
    expect((await getSecurityOverview(db, user.id)).totpEnabled).toBe(true);
    expect(await disableTwoFactor(db, user.id, PASSWORD, actor)).toEqual({ ok: true });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpRecoveryCodes: [] });
    expect((await verifyLogin(db, { email: user.email, password: PASSWORD })).ok).toBe(true);
    expect(await actionsOf(user.id)).toContain("account.totp_disabled");
    expect(await disableTwoFactor(db, user.id, PASSWORD, actor)).toEqual({ ok: false, reason: "not_enabled" });
  });
});
