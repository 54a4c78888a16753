import { csvLine } from "@/lib/csv";
import { csvValue } from "./format";
import type { ReportColumn, ReportResult, ReportRow } from "./types";

// A report as CSV (RFC 4180 via lib/csv.ts, so a cell a spreadsheet would run as a formula gets a
// leading '). Money is a plain decimal in its row's currency, exactly the minor units printed
// differently, so summing a money column per currency gives that currency's totals row.

const CURRENCY_COLUMN: ReportColumn = { key: "currency", label: "Currency", kind: "text" };

/**
 * The columns the file has: the report's, plus a Currency column just before the first money
 * column when the report does not list one (money without its currency cannot be read).
 */
export function csvColumns(result: Pick<ReportResult, "columns" | "rows" | "totals">): ReportColumn[] {
  const { columns } = result;
  if (columns.some((column) => column.key === CURRENCY_COLUMN.key)) return columns;
  const hasCurrency = [...result.rows, ...result.totals].some((row) => typeof row.currency === "string");
  if (!hasCurrency) return columns;
  const firstMoney = columns.findIndex((column) => column.kind === "money");
  const at = firstMoney === -1 ? columns.length : firstMoney;
  return [...columns.slice(0, at), CURRENCY_COLUMN, ...columns.slice(at)];
}

/** A totals row reads "Total" in its first text column, whatever the report put there. */
function totalsRecord(columns: ReportColumn[], row: ReportRow): string[] {
  const label = columns.find((column) => column.kind === "text" && column.key !== CURRENCY_COLUMN.key);
  return columns.map((column) => (column === label ? "Total" : csvValue(column, row)));
}

/** The whole report: a header of column labels, the rows, then one totals row per currency. */
export function reportToCsv(result: ReportResult): string {
  const columns = csvColumns(result);
  const lines = [csvLine(columns.map((column) => column.label))];
  for (const row of result.rows) lines.push(csvLine(columns.map((column) => csvValue(column, row))));
  for (const row of result.totals) lines.push(csvLine(totalsRecord(columns, row)));
  return lines.join("");
}
