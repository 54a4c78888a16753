import type { Db } from "@/db";
import { parseListParams, type SearchParamsInput } from "@/lib/customers/list-params";
import { customerFilterOptions, customerListStats, listCustomers } from "@/lib/customers/queries";
import { percentile, round } from "./stats";

export interface ListMeasure {
  label: string;
  query: string;
  what: string;
  requests: number;
  matching: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export const WARM_UP = 20;
export const REQUESTS = 200;

/**
 * Times what the /customers page asks the database for on one load, the same functions it calls:
 * the page of rows (`listCustomers`) alone, and together with the stats cards and filter options.
 * (In-process, not over HTTP: a production build is too heavy for a quick bench.)
 */
export async function measureList(db: Db, label: string, params: Record<string, string>): Promise<ListMeasure[]> {
  const filters = parseListParams(params satisfies SearchParamsInput);
  const query = new URLSearchParams(params).toString() || "(defaults)";
  const loads = {
    listCustomers: () => listCustomers(db, filters),
    "page data (list + stats + filter options)": () => Promise.all([listCustomers(db, filters), customerListStats(db), customerFilterOptions(db)]),
  };
  const results: ListMeasure[] = [];
  for (const [what, load] of Object.entries(loads)) {
    for (let i = 0; i < WARM_UP; i++) await load();
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      await load();
      times.push(performance.now() - started);
    }
    const { total } = await listCustomers(db, filters);
    results.push({
      label,
      query,
      what,
      requests: REQUESTS,
      matching: total,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(Math.max(...times)),
    });
  }
  return results;
}
