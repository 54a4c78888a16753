import type { InvoiceCustomer } from "@/lib/invoices/detail-types";
import { formatMoney } from "@/lib/money";
import type { PeriodParams } from "@/lib/reports/params";
import type { ReportResult, ReportRow } from "@/lib/reports/types";
import { formatPdfDate } from "./format";
import type { TableColumn, TableRow } from "./lines-table";
import { columnWidths } from "./styles";
import type { TotalsRow } from "./summary";
import type { PdfCompany } from "./types";

/** Everything the statement PDF prints: the issuer, the customer, the period and the report's lines. */
export type StatementPdfData = {
  company: PdfCompany;
  customer: InvoiceCustomer;
  period: Pick<PeriodParams, "from" | "to">;
  statement: Pick<ReportResult, "rows" | "totals">;
};

/** One section per currency: its opening balance, its lines, its closing figures. */
export type StatementSection = { currency: string; opening: bigint; rows: TableRow[]; totals: TotalsRow[] };

export const statementColumns: TableColumn[] = [
  { key: "date", title: "Date", numeric: false, width: 70 },
  { key: "debit", title: "Charges", numeric: true, width: columnWidths.amount },
  { key: "credit", title: "Credits", numeric: true, width: columnWidths.amount },
  { key: "balance", title: "Balance", numeric: true, width: columnWidths.amount + 10 },
];

const money = (value: ReportRow[string], currency: string) => (typeof value === "bigint" ? formatMoney(value, currency) : "");

function tableRow(row: ReportRow, currency: string): TableRow {
  const opening = row.line === "opening";
  return {
    description: opening ? "Opening balance" : [row.document, row.number].filter(Boolean).join(" "),
    detail: opening ? null : ((row.description as string | null) ?? null) || null,
    cells: {
      date: typeof row.date === "string" ? formatPdfDate(row.date) : "",
      debit: money(row.debit ?? null, currency),
      credit: money(row.credit ?? null, currency),
      balance: money(row.balance ?? null, currency),
    },
  };
}

/** The report's rows cut into currency sections, in the report's order. */
export function statementSections(data: StatementPdfData): StatementSection[] {
  const currencies = [...new Set(data.statement.totals.map((row) => String(row.currency)))];
  return currencies.map((currency) => {
    const rows = data.statement.rows.filter((row) => row.currency === currency);
    const opening = rows.find((row) => row.line === "opening")?.balance;
    const closing = data.statement.totals.find((row) => row.currency === currency);
    return {
      currency,
      opening: typeof opening === "bigint" ? opening : 0n,
      rows: rows.map((row) => tableRow(row, currency)),
      totals: [
        { label: `Opening balance ${formatPdfDate(data.period.from)}`, value: money(opening ?? 0n, currency) },
        { label: "Charges", value: money(closing?.debit ?? 0n, currency) },
        { label: "Credits", value: money(closing?.credit ?? 0n, currency) },
        { label: `Closing balance ${formatPdfDate(data.period.to)}`, value: money(closing?.balance ?? 0n, currency), kind: "due" },
      ],
    };
  });
}

/** "statement-CUST-0001-2026-03-01-2026-03-31.pdf" */
export function statementFilename(data: StatementPdfData): string {
  return `statement-${data.customer.number}-${data.period.from}-${data.period.to}.pdf`.replace(/[^A-Za-z0-9._-]+/g, "-");
}
