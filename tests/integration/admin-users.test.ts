import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailMessages, passwordResetTokens, users, type Role } from "@/db/schema";
import { checkLinkToken } from "@/lib/auth/link-tokens";
import { env } from "@/lib/env";
import { changeUserRole, deactivateUser, inviteUser, reactivateUser, resendInvitation, unlockUser } from "@/lib/users/commands";
import { LAST_ADMIN_MESSAGE } from "@/lib/users/last-admin";
import { listUsers } from "@/lib/users/queries";
import { createTestDatabase } from "../helpers/db";
import { actorFor, rowCounts } from "./admin-fixtures";

const { db } = await createTestDatabase();

let seq = 0;
async function makeUser(role: Role, extra: Partial<typeof users.$inferInsert> = {}) {
  seq += 1;
  const [row] = await db
    .insert(users)
    .values({ email: `user${seq}@example.test`, name: `User ${seq}`, role, passwordHash: "$argon2id$fake", ...extra })
    .returning({ id: users.id, email: users.email, sessionVersion: users.sessionVersion });
  return row!;
}

async function auditsFor(entityId: string, action: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
}

let admin: { id: string };
beforeAll(async () => {
  admin = await makeUser("admin");
});

describe("inviting a user", () => {
  it("creates the user without a password, an invitation token and an outbox email carrying the link", async () => {
    const result = await inviteUser(db, { name: "New Person", email: "New.Person@Example.test", role: "finance" }, actorFor(admin.id));
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const user = await db.query.users.findFirst({ where: eq(users.id, result.data.userId) });
    expect(user).toMatchObject({ email: "new.person@example.test", name: "New Person", role: "finance", passwordHash: null });

    const tokens = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, result.data.userId));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.purpose).toBe("invitation");

    const email = await db.query.emailMessages.findFirst({ where: eq(emailMessages.id, result.data.emailId) });
    expect(email).toMatchObject({ template: "user-invitation", toAddresses: ["new.person@example.test"], status: "sent", transport: "outbox" });
    const link = email?.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/);
    expect(email?.text).toContain(`${env().APP_URL}/reset-password/`);
    const check = await checkLinkToken(db, link?.[1] ?? "");
    expect(check).toMatchObject({ ok: true, purpose: "invitation", userId: result.data.userId });

    const [audit] = await auditsFor(result.data.userId, "user.invited");
    expect(audit?.actorId).toBe(admin.id);
    expect(audit?.after).toMatchObject({ email: "new.person@example.test", role: "finance", hasPassword: false });
    expect(JSON.stringify(audit?.after)).not.toMatch(/passwordHash|totp|sessionVersion/i);
  });

  it("refuses a duplicate email in another case as a field error and writes nothing", async () => {
    const before = await rowCounts(db);
    const result = await inviteUser(db, { name: "Again", email: "NEW.PERSON@example.test", role: "viewer" }, actorFor(admin.id));
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: ["A user with this email already exists."] } });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("re-sends an invitation with a new link and retires the old one; refuses once a password is set", async () => {
    const invited = await inviteUser(db, { name: "Slow Reader", email: "slow@example.test", role: "viewer" }, actorFor(admin.id));
    if (!invited.ok) throw new Error(invited.error);
    const first = await db.query.emailMessages.findFirst({ where: eq(emailMessages.id, invited.data.emailId) });
    const firstToken = first?.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/)?.[1] ?? "";

    const again = await resendInvitation(db, invited.data.userId, actorFor(admin.id));
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const second = await db.query.emailMessages.findFirst({ where: eq(emailMessages.id, again.data.emailId) });
    const secondToken = second?.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
    expect(secondToken).not.toBe(firstToken);
    expect(await checkLinkToken(db, firstToken)).toMatchObject({ ok: false, reason: "used" });
    expect(await checkLinkToken(db, secondToken)).toMatchObject({ ok: true });
    expect(await auditsFor(invited.data.userId, "user.invitation_resent")).toHaveLength(1);

    const active = await makeUser("viewer");
    expect(await resendInvitation(db, active.id, actorFor(admin.id))).toMatchObject({ ok: false, error: expect.stringMatching(/already set a password/) });
  });
});

describe("last-admin protection", () => {
  it("refuses to demote or deactivate the last active admin, and refuses self-deactivation", async () => {
    const other = await makeUser("finance");
    const before = await rowCounts(db);
    expect(await changeUserRole(db, { userId: admin.id, role: "finance" }, actorFor(admin.id))).toEqual({ ok: false, error: LAST_ADMIN_MESSAGE });
    expect(await deactivateUser(db, admin.id, actorFor(other.id))).toEqual({ ok: false, error: LAST_ADMIN_MESSAGE });
    expect(await deactivateUser(db, admin.id, actorFor(admin.id))).toMatchObject({ ok: false, error: expect.stringMatching(/your own account/) });
    expect(await rowCounts(db)).toEqual(before);
    const row = await db.query.users.findFirst({ where: eq(users.id, admin.id) });
    expect(row).toMatchObject({ role: "admin", deactivatedAt: null });
  });

  it("does not count a deactivated admin as a remaining admin", async () => {
    const dormant = await makeUser("admin", { deactivatedAt: new Date() });
    expect(await changeUserRole(db, { userId: admin.id, role: "viewer" }, actorFor(dormant.id))).toEqual({ ok: false, error: LAST_ADMIN_MESSAGE });
  });

  it("lets two admins demote each other concurrently only once: an admin always remains", async () => {
    for (let round = 0; round < 5; round += 1) {
      const a = await makeUser("admin");
      const b = await makeUser("admin");
      // leave exactly a and b as the active admins
      await db.execute(sql`update users set role = 'viewer' where role = 'admin' and id not in (${a.id}, ${b.id})`);
      const results = await Promise.all([
        changeUserRole(db, { userId: a.id, role: "finance" }, actorFor(b.id)),
        changeUserRole(db, { userId: b.id, role: "finance" }, actorFor(a.id)),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: LAST_ADMIN_MESSAGE }]);
      const admins = await db.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), sql`${users.deactivatedAt} is null`));
      expect(admins).toHaveLength(1);
    }
  });

  it("lets two admins deactivate each other concurrently only once", async () => {
    const a = await makeUser("admin");
    const b = await makeUser("admin");
    await db.execute(sql`update users set role = 'viewer' where role = 'admin' and id not in (${a.id}, ${b.id})`);
    const results = await Promise.all([deactivateUser(db, a.id, actorFor(b.id)), deactivateUser(db, b.id, actorFor(a.id))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = await db.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), sql`${users.deactivatedAt} is null`));
    expect(admins).toHaveLength(1);
    admin = admins[0]!;
  });
});

describe("role changes, deactivation and unlocking", () => {
  it("changes a role, rotates the session version and audits before/after", async () => {
    const user = await makeUser("viewer");
    const result = await changeUserRole(db, { userId: user.id, role: "finance" }, actorFor(admin.id));
    expect(result).toEqual({ ok: true, data: { role: "finance" } });
    const row = await db.query.users.findFirst({ where: eq(users.id, user.id) });
    expect(row?.role).toBe("finance");
    expect(row?.sessionVersion).not.toBe(user.sessionVersion);
    const [audit] = await auditsFor(user.id, "user.role_changed");
    expect(audit?.before).toMatchObject({ role: "viewer" });
    expect(audit?.after).toMatchObject({ role: "finance", sessionRotated: true });
  });

  it("deactivates with a new session version, and reactivates", async () => {
    const user = await makeUser("finance");
    expect(await deactivateUser(db, user.id, actorFor(admin.id))).toEqual({ ok: true, data: null });
    const off = await db.query.users.findFirst({ where: eq(users.id, user.id) });
    expect(off?.deactivatedAt).toBeInstanceOf(Date);
    expect(off?.sessionVersion).not.toBe(user.sessionVersion);
    const [audit] = await auditsFor(user.id, "user.deactivated");
    expect(audit?.before).toMatchObject({ deactivatedAt: null });
    expect(audit?.after).toMatchObject({ deactivatedAt: expect.any(String), sessionRotated: true });
    expect(JSON.stringify(audit)).not.toContain(off?.sessionVersion ?? "missing");

    expect(await reactivateUser(db, user.id, actorFor(admin.id))).toEqual({ ok: true, data: null });
    const on = await db.query.users.findFirst({ where: eq(users.id, user.id) });
    expect(on?.deactivatedAt).toBeNull();
    expect(await auditsFor(user.id, "user.reactivated")).toHaveLength(1);
  });

  it("unlocks a locked user", async () => {
    const user = await makeUser("finance", { failedLoginCount: 3, lockedUntil: new Date(Date.now() + 60_000) });
    expect((await listUsers(db, { q: user.email, page: 1 })).rows[0]?.status).toBe("locked");
    expect(await unlockUser(db, user.id, actorFor(admin.id))).toEqual({ ok: true, data: null });
    const row = await db.query.users.findFirst({ where: eq(users.id, user.id) });
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    const [audit] = await auditsFor(user.id, "user.unlocked");
    expect(audit?.before).toMatchObject({ failedLoginCount: 3, lockedUntil: expect.any(String) });
    expect(audit?.after).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });
});

describe("listing users", () => {
  it("searches by name or email, filters by role and status, and pages by 25", async () => {
    for (let i = 0; i < 27; i += 1) await makeUser("viewer", { name: `Pager ${String(i).padStart(2, "0")}` });
    const first = await listUsers(db, { q: "pager", page: 1 });
    expect(first.total).toBe(27);
    expect(first.rows).toHaveLength(25);
    expect(first.pageCount).toBe(2);
    const second = await listUsers(db, { q: "PAGER", page: 2 });
    expect(second.rows.map((r) => r.name)).toEqual(["Pager 25", "Pager 26"]);

    expect((await listUsers(db, { q: "slow@", page: 1 })).rows.map((r) => r.status)).toEqual(["invited"]);
    const admins = await listUsers(db, { role: "admin", status: "active", page: 1 });
    expect(admins.rows.map((r) => r.id)).toEqual([admin.id]);
    const deactivated = await listUsers(db, { status: "deactivated", page: 1 });
    expect(deactivated.rows.length).toBeGreaterThan(0);
    expect(deactivated.rows.every((r) => r.status === "deactivated")).toBe(true);
    // a literal % is searched for, not used as a wildcard
    expect((await listUsers(db, { q: "%", page: 1 })).total).toBe(0);
    expect(Object.keys(first.rows[0] ?? {})).not.toContain("passwordHash");
  });
});
