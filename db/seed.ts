import { count, sql } from "drizzle-orm";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./index";
import { companySettings, taxRates, users, type Role } from "./schema";
import { seedSampleData } from "./seed-invoices";
import { seedPaymentMethods } from "./seed-payment-methods";

/** The demo logins, also listed in the README. */
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role; password: string }> = [
  { email: "admin@demo.cleanpay.test", name: "Ada Admin", role: "admin", password: "demo-admin-pass" },
  { email: "finance@demo.cleanpay.test", name: "Fin Ance", role: "finance", password: "demo-finance-pass" },
  { email: "viewer@demo.cleanpay.test", name: "Vi Ewer", role: "viewer", password: "demo-viewer-pass" },
  { email: "customer@demo.cleanpay.test", name: "Cus Tomer", role: "customer", password: "demo-customer-pass" },
];

// Serialises the first seed when several app instances start against one empty database.
const SEED_LOCK = 7_431_903;

export interface SeedOptions {
  /**
   * Also a default template, products, customers and invoices in every status, so a newcomer sees
   * a living app. Off by default: tests seed the company and logins and build their own data.
   */
  sampleData?: boolean;
}

/** Seeds the demo company when the database has no users. Returns true when it seeded. */
export async function seedIfEmpty(db: Db, log: (line: string) => void = console.log, options: SeedOptions = {}): Promise<boolean> {
  const passwordHashes = await Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)));
  const seeded = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [row] = await tx.select({ n: count() }).from(users);
    if ((row?.n ?? 0) > 0) return false;
    await seedDemo(tx, passwordHashes, options);
    return true;
  });
  if (seeded) {
    log("CleanPay: seeded the demo company. Demo logins:");
    for (const user of DEMO_USERS) log(`  ${user.role.padEnd(8)} ${user.email}  password: ${user.password}`);
    if (options.sampleData) log("Sample customers, products and invoices in every status are in place.");
  }
  return seeded;
}

async function seedDemo(tx: Db, passwordHashes: string[], options: SeedOptions) {
  await tx.insert(companySettings).values({
    legalName: "Demo Trading Ltd",
    email: "billing@demo.cleanpay.test",
    street: "1 Ledger Lane",
    city: "Nairobi",
    postalCode: "00100",
    country: "KE",
    taxId: "P051234567X",
    defaultCurrency: "USD",
    defaultPaymentTerms: 30,
  });
  const staff = await tx
    .insert(users)
    .values(DEMO_USERS.map((user, i) => ({ email: user.email, name: user.name, role: user.role, passwordHash: passwordHashes[i] })))
    .returning({ id: users.id, email: users.email, role: users.role });
  const rates = await tx
    .insert(taxRates)
    .values([
      { name: "VAT 16%", percent: "16.000", country: "KE" },
      { name: "Sales tax 8.875%", percent: "8.875", country: "US" },
      { name: "Zero rated", percent: "0.000" },
    ])
    .returning({ id: taxRates.id, name: taxRates.name });
  await seedPaymentMethods(tx);
  await writeAudit(tx, SYSTEM_ACTOR, { action: "demo.seeded", entityType: "company", entityId: "1" });
  if (!options.sampleData) return;
  const admin = staff.find((user) => user.role === "admin");
  const idOf = (name: string) => rates.find((rate) => rate.name === name)?.id;
  const vat = idOf("VAT 16%");
  const zeroRated = idOf("Zero rated");
  if (!admin || !vat || !zeroRated) throw new Error("the demo seed lost its admin or tax rates");
  await seedSampleData(tx, { actor: { userId: admin.id, label: admin.email }, vatRateId: vat, zeroRateId: zeroRated });
}
