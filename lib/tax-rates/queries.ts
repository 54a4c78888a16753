import { asc, desc } from "drizzle-orm";
import type { Db } from "@/db";
import { taxRates } from "@/db/schema";

export const taxRateColumns = {
  id: taxRates.id,
  name: taxRates.name,
  percent: taxRates.percent,
  country: taxRates.country,
  compound: taxRates.compound,
  active: taxRates.active,
};

/** Active rates first, then by name. */
export function listTaxRates(db: Db) {
  return db.select(taxRateColumns).from(taxRates).orderBy(desc(taxRates.active), asc(taxRates.name), asc(taxRates.id));
}
export type TaxRateRow = Awaited<ReturnType<typeof listTaxRates>>[number];
