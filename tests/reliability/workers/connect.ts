import { eq } from "drizzle-orm";
import { openPostgres } from "@/db/connect";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/audit";

// What both workers share: the test's database (RELIABILITY_DB_URL) and the demo finance user to
// act as. They print one JSON line with what they did and exit; the parent may SIGKILL them first.

export async function connectWorker() {
  const url = process.env.RELIABILITY_DB_URL;
  if (!url) throw new Error("RELIABILITY_DB_URL is not set: this worker is started by tests/reliability/bulk-kill.test.ts");
  const database = await openPostgres(url, { poolSize: 2 });
  const [finance] = await database.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, "finance"));
  if (!finance) throw new Error("the database has no finance user: seed it first");
  const actor: Actor = { userId: finance.id, label: finance.email };
  return { db: database.db, actor, close: database.close };
}
