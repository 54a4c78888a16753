import { describe, expect, it } from "vitest";
import { auditLog, emailMessages, users } from "@/db/schema";
import { listAuditEntries, listAuditFilterOptions } from "@/lib/audit-log/queries";
import { auditQuerySchema } from "@/lib/audit-log/schemas";
import { getEmailMessage, listEmailMessages, outboxQuerySchema } from "@/lib/email/outbox";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();

const [alice, bob] = await db
  .insert(users)
  .values([
    { email: "alice@example.test", name: "Alice Admin", role: "admin" },
    { email: "bob@example.test", name: "Bob Finance", role: "finance" },
  ])
  .returning({ id: users.id });

const at = (iso: string) => new Date(iso);
await db.insert(auditLog).values([
  { actorId: alice!.id, actorLabel: "alice@example.test", action: "user.invited", entityType: "user", entityId: "u1", after: { role: "viewer" }, createdAt: at("2026-01-10T09:00:00Z") },
  { actorId: alice!.id, actorLabel: "alice@example.test", action: "settings.updated", entityType: "company_settings", entityId: "1", before: { legalName: "A" }, after: { legalName: "B" }, createdAt: at("2026-01-11T23:59:59Z") },
  { actorId: bob!.id, actorLabel: "bob@example.test", action: "tax_rate.created", entityType: "tax_rate", entityId: "t1", createdAt: at("2026-01-12T00:00:00Z") },
  { actorId: null, actorLabel: "mallory@evil.test", action: "auth.login_failed", entityType: "user", createdAt: at("2026-01-13T08:00:00Z") },
  { actorId: null, actorLabel: "system", action: "demo.seeded", entityType: "company", createdAt: at("2026-01-09T00:00:00Z") },
]);

const audit = (params: Record<string, string>) => listAuditEntries(db, auditQuerySchema.parse(params));
const actions = async (params: Record<string, string>) => (await audit(params)).rows.map((row) => row.action);

describe("audit log queries", () => {
  it("lists newest first with the actor's name and before/after", async () => {
    const page = await audit({});
    expect(page.rows.map((r) => r.action)).toEqual(["auth.login_failed", "tax_rate.created", "settings.updated", "user.invited", "demo.seeded"]);
    expect(page.rows[2]).toMatchObject({ actorName: "Alice Admin", before: { legalName: "A" }, after: { legalName: "B" } });
    expect(page.total).toBe(5);
  });

  it("filters by actor id, actor text, entity type, action and dates (both ends included)", async () => {
    expect(await actions({ actorId: bob!.id })).toEqual(["tax_rate.created"]);
    expect(await actions({ actor: "MALLORY" })).toEqual(["auth.login_failed"]);
    expect(await actions({ actor: "alice admin" })).toEqual(["settings.updated", "user.invited"]);
    expect(await actions({ entityType: "user" })).toEqual(["auth.login_failed", "user.invited"]);
    expect(await actions({ action: "settings.updated" })).toEqual(["settings.updated"]);
    expect(await actions({ from: "2026-01-11", to: "2026-01-12" })).toEqual(["tax_rate.created", "settings.updated"]);
    expect(await actions({ to: "2026-01-10" })).toEqual(["user.invited", "demo.seeded"]);
    expect(await actions({ entityType: "user", from: "2026-01-11" })).toEqual(["auth.login_failed"]);
  });

  it("ignores malformed filters instead of failing", async () => {
    expect((await audit({ actorId: "not-a-uuid", from: "yesterday", page: "-3" })).total).toBe(5);
  });

  it("pages by 50", async () => {
    await db.insert(auditLog).values(
      Array.from({ length: 60 }, (_, i) => ({ action: "bulk.test", entityType: "bulk", entityId: String(i), createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)) })),
    );
    const first = await audit({ action: "bulk.test" });
    const second = await audit({ action: "bulk.test", page: "2" });
    expect([first.rows.length, second.rows.length, first.pageCount]).toEqual([50, 10, 2]);
    expect(first.rows[0]?.entityId).toBe("59");
    expect(second.rows.at(-1)?.entityId).toBe("0");
  });

  it("offers only entity types and actions that occur", async () => {
    const options = await listAuditFilterOptions(db);
    expect(options.entityTypes).toEqual(["bulk", "company", "company_settings", "tax_rate", "user"]);
    expect(options.actions).toContain("tax_rate.created");
  });
});

await db.insert(emailMessages).values(
  [
    { subject: "Your invoice INV-1", to: ["pay@customer.test"], status: "sent", createdAt: at("2026-02-01T10:00:00Z") },
    { subject: "You're invited to Acme", to: ["new.hire@acme.test"], status: "queued", createdAt: at("2026-02-02T10:00:00Z") },
    { subject: "Reminder: INV-1 is due", to: ["pay@customer.test", "cc@customer.test"], status: "bounced", createdAt: at("2026-02-03T10:00:00Z") },
    { subject: "Reset your password", to: ["alice@example.test"], status: "failed", createdAt: at("2026-02-04T10:00:00Z") },
  ].map((m) => ({
    template: "test",
    fromAddress: "billing@acme.test",
    toAddresses: m.to,
    subject: m.subject,
    html: `<p>${m.subject}</p>`,
    text: m.subject,
    status: m.status as "sent" | "queued" | "bounced" | "failed",
    transport: "outbox" as const,
    createdAt: m.createdAt,
  })),
);

const outbox = async (params: Record<string, string>) => (await listEmailMessages(db, outboxQuerySchema.parse(params))).rows.map((r) => r.subject);

describe("outbox queries", () => {
  it("lists newest first", async () => {
    expect(await outbox({})).toEqual(["Reset your password", "Reminder: INV-1 is due", "You're invited to Acme", "Your invoice INV-1"]);
  });

  it("filters by status and searches recipients and subject", async () => {
    expect(await outbox({ status: "bounced" })).toEqual(["Reminder: INV-1 is due"]);
    expect(await outbox({ q: "CC@customer" })).toEqual(["Reminder: INV-1 is due"]);
    expect(await outbox({ q: "pay@customer.test" })).toEqual(["Reminder: INV-1 is due", "Your invoice INV-1"]);
    expect(await outbox({ q: "inv-1" })).toEqual(["Reminder: INV-1 is due", "Your invoice INV-1"]);
    expect(await outbox({ q: "inv-1", status: "sent" })).toEqual(["Your invoice INV-1"]);
    expect(await outbox({ q: "nobody" })).toEqual([]);
    expect(await outbox({ status: "nonsense" })).toHaveLength(4);
  });

  it("reads one message, and nothing for an unknown or malformed id", async () => {
    const [first] = (await listEmailMessages(db, outboxQuerySchema.parse({}))).rows;
    expect(await getEmailMessage(db, first!.id)).toMatchObject({ subject: "Reset your password", html: "<p>Reset your password</p>" });
    expect(await getEmailMessage(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getEmailMessage(db, "not-an-id")).toBeNull();
  });
});
