import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import type { Range } from "./charts";
import { str } from "./sql";
import { queryRows, minorCell } from "@/db/raw-rows";

export const TOP_CUSTOMERS = 10;

export interface TopCustomer {
  customerId: string;
  name: string;
  /** succeeded payments received in the range − succeeded refunds of payments made in it */
  collected: bigint;
}

/** The customers who paid the most (net) in the range, in one currency; ties by name. */
export async function topCustomers(db: Db, currency: string, range: Range, limit = TOP_CUSTOMERS): Promise<TopCustomer[]> {
  const rows = await queryRows(
    db,
    sql`select c.id as customer_id, c.display_name as name, net.amount::text as collected
        from (
          select customer_id, sum(amount) as amount from (
            select customer_id, amount from payments
            where status = 'succeeded' and currency = ${currency} and received_on between ${range.from}::date and ${range.to}::date
            union all
            select customer_id, -amount from refunds
            where status = 'succeeded' and payment_id is not null and currency = ${currency} and refunded_on between ${range.from}::date and ${range.to}::date
          ) money
          group by customer_id
          having sum(amount) > 0
        ) net
        join customers c on c.id = net.customer_id
        order by net.amount desc, c.display_name, c.id
        limit ${limit}`,
  );
  return rows.map((row) => ({ customerId: str(row.customer_id), name: str(row.name), collected: minorCell(row.collected) }));
}
