import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers } from "@/db/schema";

/** Some customers suspended (number ending in 7) or archived (ending in 13), so the list's status filter has something to do. */
export async function varyCustomerStatuses(db: Db): Promise<void> {
  await db.execute(sql`update ${customers} set status = 'suspended' where right(${customers.number}, 1) = '7'`);
  await db.execute(sql`update ${customers} set status = 'archived' where right(${customers.number}, 2) = '13'`);
  await db.execute(sql`analyze ${customers}`);
}
