import { count, sql } from "drizzle-orm";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./index";
import { companySettings, taxRates, users, type Role } from "./schema";

/** The demo logins, also listed in the README. */
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role; password: string }> = [
  { email: "admin@demo.cleanpay.test", name: "Ada Admin", role: "admin", password: "demo-admin-pass" },
  { email: "finance@demo.cleanpay.test", name: "Fin Ance", role: "finance", password: "demo-finance-pass" },
  { email: "viewer@demo.cleanpay.test", name: "Vi Ewer", role: "viewer", password: "demo-viewer-pass" },
  { email: "customer@demo.cleanpay.test", name: "Cus Tomer", role: "customer", password: "demo-customer-pass" },
];

// Serialises the first seed when several app instances start against one empty database.
const SEED_LOCK = 7_431_903;

/** Seeds the demo company when the database has no users. Returns true when it seeded. */
export async function seedIfEmpty(db: Db, log: (line: string) => void = console.log): Promise<boolean> {
  const passwordHashes = await Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)));
  const seeded = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [row] = await tx.select({ n: count() }).from(users);
    if ((row?.n ?? 0) > 0) return false;
    await seedDemo(tx, passwordHashes);
    return true;
  });
  if (seeded) {
    log("CleanPay: seeded the demo company. Demo logins:");
    for (const user of DEMO_USERS) log(`  ${user.role.padEnd(8)} ${user.email}  password: ${user.password}`);
  }
  return seeded;
}

async function seedDemo(tx: Db, passwordHashes: string[]) {
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
  await tx.insert(users).values(
    DEMO_USERS.map((user, i) => ({ email: user.email, name: user.name, role: user.role, passwordHash: passwordHashes[i] })),
  );
  await tx.insert(taxRates).values([
    { name: "VAT 16%", percent: "16.000", country: "KE" },
    { name: "Sales tax 8.875%", percent: "8.875", country: "US" },
    { name: "Zero rated", percent: "0.000" },
  ]);
  await writeAudit(tx, SYSTEM_ACTOR, { action: "demo.seeded", entityType: "company", entityId: "1" });
}
