import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { firstParam } from "@/lib/url-params";
import { periodParams, type PeriodParams } from "./params";
import type { ReportChart, ReportRow } from "./types";

// What the payments, refunds, failed-payments and statement reports share: their extra search
// params, running their one statement, and reading money back (sent as text: sum(bigint) is
// numeric, which the drivers would hand over as a string or a float).

/** One of `values`; anything else (missing, unknown, repeated junk) falls back to `fallback`. */
export const choiceParam = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(firstParam, z.enum(values)).catch(fallback);

/** periodParams plus a report's own keys (other keys of the URL are ignored). */
export const withPeriod = <S extends z.ZodRawShape>(shape: S) => z.intersection(periodParams, z.object(shape));

/** `column` within the period (inclusive) and, when given, the currency and customer filters. */
export function periodWhere(params: PeriodParams, columns: { date: SQL; currency: SQL; customerId: SQL }): SQL {
  const filters = [sql`${columns.date} between ${params.from}::date and ${params.to}::date`];
  if (params.currency) filters.push(sql`${columns.currency} = ${params.currency}`);
  if (params.customerId) filters.push(sql`${columns.customerId} = ${params.customerId}::uuid`);
  return sql.join(filters, sql` and `);
}

/** Rows grouped by their currency cell, in the order met: one chart series set per currency. */
export function pointsByCurrency(rows: readonly ReportRow[], pick: (row: ReportRow) => ReportRow): ReportChart["points"] {
  const byCurrency = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const currency = String(row.currency);
    const values = byCurrency.get(currency) ?? [];
    values.push(pick(row));
    byCurrency.set(currency, values);
  }
  return [...byCurrency].map(([currency, values]) => ({ currency, values }));
}

/** A grouped statement's rows and its per-currency totals (GROUPING SETS rows flagged is_total), mapped alike. */
export function splitTotals<R extends { is_total: unknown }>(raw: readonly R[], toRow: (row: R) => ReportRow): { rows: ReportRow[]; totals: ReportRow[] } {
  return { rows: raw.filter((row) => Number(row.is_total) === 0).map(toRow), totals: raw.filter((row) => Number(row.is_total) !== 0).map(toRow) };
}
