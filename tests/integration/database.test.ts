import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, companySettings, customers, invoices, invoiceTemplates, payments, products, taxRates, users } from "@/db/schema";
import { DEMO_USERS, seedIfEmpty } from "@/db/seed";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();

describe("migrations and demo seed", () => {
  it("seeds an empty database once, with one user per role", async () => {
    const lines: string[] = [];
    expect(await seedIfEmpty(db, (line) => lines.push(line))).toBe(true);
    expect(await seedIfEmpty(db, (line) => lines.push(line))).toBe(false);

    const rows = await db.select({ role: users.role, email: users.email, hash: users.passwordHash }).from(users);
    expect(rows.map((r) => r.role).sort()).toEqual(["admin", "customer", "finance", "viewer"]);
    for (const demo of DEMO_USERS) {
      const row = rows.find((r) => r.email === demo.email);
      expect(row?.hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(row?.hash ?? "", demo.password)).toBe(true);
      expect(lines.join("\n")).toContain(`${demo.email}  password: ${demo.password}`);
    }
    const [settings] = await db.select().from(companySettings);
    expect(settings?.legalName).toBe("Demo Trading Ltd");
    const [rates] = await db.select({ n: count() }).from(taxRates);
    expect(rates?.n).toBe(3);
  });

  it("seeds no sample business unless asked (tests build their own)", async () => {
    for (const table of [customers, products, invoices, invoiceTemplates, payments]) {
      const [row] = await db.select({ n: count() }).from(table);
      expect(row?.n).toBe(0);
    }
  });

  it("keeps the audit log append-only", async () => {
    const [row] = await db.select({ id: auditLog.id }).from(auditLog).limit(1);
    expect(row).toBeDefined();
    await expect(db.update(auditLog).set({ action: "tampered" }).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    const [after] = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.id, row!.id));
    expect(after?.action).toBe("demo.seeded");
  });

  it("refuses a second user with the same email in another case", async () => {
    await expect(
      db.insert(users).values({ email: "ADMIN@demo.cleanpay.test", name: "Copy", role: "viewer" }),
    ).rejects.toThrow();
  });

  it("refuses a second company settings row", async () => {
    await expect(db.execute(sql`insert into company_settings (id, legal_name) values (2, 'Other')`)).rejects.toThrow();
  });
});
