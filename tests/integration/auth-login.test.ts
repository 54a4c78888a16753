import { count, eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, verifyLogin } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { newRecoveryCodes, newTotpSecret } from "@/lib/auth/totp";
import { createTestDatabase } from "../helpers/db";
import { wrongCode } from "../helpers/totp";

const { db } = await createTestDatabase();
const PASSWORD = "correct horse battery";
let passwordHash = "";

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let n = 0;
async function makeUser(values: Partial<typeof users.$inferInsert> = {}) {
  const email = `login-${++n}@example.test`;
  const [row] = await db
    .insert(users)
    .values({ email, name: `User ${n}`, role: "finance", passwordHash, ...values })
    .returning({ id: users.id, email: users.email });
  return row!;
}

async function auditRows(userId: string) {
  return db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, userId)).orderBy(auditLog.createdAt);
}

describe("verifyLogin", () => {
  it("accepts the right password, in any case of email, and records the login", async () => {
    const user = await makeUser();
    const result = await verifyLogin(db, { email: `  ${user.email.toUpperCase()} `, password: PASSWORD }, { ip: "203.0.113.9" });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: user.email, role: "finance" } });
    const [row] = await db.select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id));
    expect(row?.lastLoginAt).toBeInstanceOf(Date);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit).toMatchObject({ action: "auth.login", actorId: user.id, ip: "203.0.113.9" });
  });

  it("gives a wrong password and an unknown email the same answer", async () => {
    const user = await makeUser();
    expect(await verifyLogin(db, { email: user.email, password: "wrong password!" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLogin(db, { email: "nobody@example.test", password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    const [unknown] = await db.select().from(auditLog).where(eq(auditLog.actorLabel, "nobody@example.test"));
    expect(unknown).toMatchObject({ action: "auth.login_failed", actorId: null, after: { reason: "unknown_email" } });
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failures, even against the right password`, async () => {
    const user = await makeUser();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect(await verifyLogin(db, { email: user.email, password: `wrong-${i}` })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyLogin(db, { email: user.email, password: "wrong-last" })).toEqual({ ok: false, reason: "locked" });
    expect(await verifyLogin(db, { email: user.email, password: PASSWORD })).toEqual({ ok: false, reason: "locked" });

    const [row] = await db
      .select({ minutes: sql<number>`extract(epoch from (${users.lockedUntil} - now())) / 60` })
      .from(users)
      .where(eq(users.id, user.id));
    expect(Number(row?.minutes)).toBeGreaterThan(LOCKOUT_MINUTES - 1);
    expect(Number(row?.minutes)).toBeLessThanOrEqual(LOCKOUT_MINUTES);
    const actions = (await auditRows(user.id)).map((r) => r.action);
    expect(actions.filter((a) => a === "auth.login_failed")).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(actions).toContain("auth.locked_out");
    expect(actions.at(-1)).toBe("auth.login_locked");
  });

  it("lets the user in again once the lock has expired", async () => {
    const user = await makeUser({ lockedUntil: new Date(Date.now() + 10 * 60_000) });
    expect(await verifyLogin(db, { email: user.email, password: PASSWORD })).toEqual({ ok: false, reason: "locked" });
    await db.update(users).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(users.id, user.id));
    expect((await verifyLogin(db, { email: user.email, password: PASSWORD })).ok).toBe(true);
    const [row] = await db.select({ locked: users.lockedUntil, failed: users.failedLoginCount }).from(users).where(eq(users.id, user.id));
    expect(row).toEqual({ locked: null, failed: 0 });
  });

  it("asks for the second factor, refuses a wrong code and accepts the current one", async () => {
    const secret = newTotpSecret();
    const user = await makeUser({ totpSecret: secret, totpEnabledAt: new Date() });
    expect(await verifyLogin(db, { email: user.email, password: PASSWORD })).toEqual({ ok: false, reason: "totp_required" });
    // the code is only asked for after the password: a wrong password still says "invalid"
    expect(await verifyLogin(db, { email: user.email, password: "nope-nope-nope" })).toEqual({ ok: false, reason: "invalid" });
    const wrong = await wrongCode(secret);
    expect(await verifyLogin(db, { email: user.email, password: PASSWORD, code: wrong })).toEqual({ ok: false, reason: "totp_invalid" });
    const code = await generate({ secret });
    expect((await verifyLogin(db, { email: user.email, password: PASSWORD, code })).ok).toBe(true);
  });

  it("accepts a recovery code once only", async () => {
    const secret = newTotpSecret();
    const { codes, hashes } = newRecoveryCodes();
    const user = await makeUser({ totpSecret: secret, totpEnabledAt: new Date(), totpRecoveryCodes: hashes });
    const code = codes[3]!;
    expect((await verifyLogin(db, { email: user.email, password: PASSWORD, code: code.toUpperCase() })).ok).toBe(true);
    expect(await verifyLogin(db, { email: user.email, password: PASSWORD, code })).toEqual({ ok: false, reason: "totp_invalid" });
    const [row] = await db.select({ left: users.totpRecoveryCodes }).from(users).where(eq(users.id, user.id));
    expect(row?.left).toHaveLength(9);
    expect((await verifyLogin(db, { email: user.email, password: PASSWORD, code: codes[4]! })).ok).toBe(true);
  });

  it("lets only one of two simultaneous logins spend the same recovery code", async () => {
    const { codes, hashes } = newRecoveryCodes();
    const user = await makeUser({ totpSecret: newTotpSecret(), totpEnabledAt: new Date(), totpRecoveryCodes: hashes });
    const results = await Promise.all([0, 1].map(() => verifyLogin(db, { email: user.email, password: PASSWORD, code: codes[0]! })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("refuses a deactivated user and an invited user without a password", async () => {
    const gone = await makeUser({ deactivatedAt: new Date() });
    expect(await verifyLogin(db, { email: gone.email, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    const invited = await makeUser({ passwordHash: null });
    expect(await verifyLogin(db, { email: invited.email, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    const [row] = await db.select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, gone.id));
    expect(row?.after).toEqual({ reason: "inactive" });
  });

  it("writes one audit row per attempt that reaches an answer", async () => {
    const secret = newTotpSecret();
    const user = await makeUser({ totpSecret: secret, totpEnabledAt: new Date() });
    const [before] = await db.select({ n: count() }).from(auditLog);
    const attempts = [
      { email: user.email, password: "bad password 1" }, // invalid
      { email: "stranger@example.test", password: PASSWORD }, // unknown email
      { email: user.email, password: PASSWORD, code: await wrongCode(secret) }, // totp_invalid
      { email: user.email, password: PASSWORD, code: await generate({ secret }) }, // ok
    ];
    for (const attempt of attempts) await verifyLogin(db, attempt);
    const [after] = await db.select({ n: count() }).from(auditLog);
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(attempts.length);
    // a correct password without the code yet is a prompt, not an outcome
    await verifyLogin(db, { email: user.email, password: PASSWORD });
    const [prompt] = await db.select({ n: count() }).from(auditLog);
    expect(prompt?.n).toBe(after?.n);
  });
});
