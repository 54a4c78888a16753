import { periodParams, type PeriodParams } from "./params";
import { methodLabel, refundOriginLabel } from "./payments-labels";

import { statementQuery, type EntryKind, type StatementLine } from "./statement-sql";
import type { ReportColumn, ReportDefinition, ReportRow } from "./types";
import { queryRows, minorCell } from "@/db/raw-rows";

// One customer's statement of account: opening balance, every invoice, payment, credit note,
// refund and void in the period with a running balance, closing balance, per currency. The SQL
// (and what each document does to the balance) is in statement-sql.ts.

export const STATEMENT_COLUMNS: ReportColumn[] = [
  { key: "date", label: "Date", kind: "date" },
  { key: "document", label: "Document", kind: "text" },
  { key: "number", label: "Number", kind: "text" },
  { key: "description", label: "Details", kind: "text" },
  { key: "currency", label: "Currency", kind: "text" },
  { key: "debit", label: "Charges", kind: "money" },
  { key: "credit", label: "Credits", kind: "money" },
  { key: "balance", label: "Balance", kind: "money" },
];

const DOCUMENT: Record<EntryKind, string> = { invoice: "Invoice", payment: "Payment", credit_note: "Credit note", refund: "Refund", void: "Invoice voided" };

function description(line: StatementLine): string {
  switch (line.kind) {
    case "payment":
      return [line.method ? methodLabel(line.method) : null, line.ref].filter(Boolean).join(" · ");
    case "credit_note":
      return line.ref ? `Against ${line.ref}` : "";
    case "refund":
      // the number column already names the payment or credit note paid back
      return line.ref ? refundOriginLabel(line.ref) : "";
    case "void":
      return "Amount no longer due";
    default:
      return "";
  }
}

function toRow(line: StatementLine): ReportRow {
  const base = { line: line.line, currency: line.currency, date: line.date, balance: minorCell(line.balance) };
  if (line.line === "opening") return { ...base, document: "Opening balance", kind: null, id: null, number: null, description: null, debit: null, credit: null };
  if (line.line === "closing") return { ...base, document: "Closing balance", kind: null, id: null, number: null, description: null, debit: minorCell(line.debit), credit: minorCell(line.credit) };
  return {
    ...base,
    document: line.kind ? DOCUMENT[line.kind] : "",
    kind: line.kind,
    id: line.id,
    number: line.number,
    description: description(line),
    debit: minorCell(line.debit) === 0n ? null : minorCell(line.debit),
    credit: minorCell(line.credit) === 0n ? null : minorCell(line.credit),
  };
}

export type StatementParams = PeriodParams;

/** The statement's lines as report rows; empty without a customer (the page asks to pick one). */
export async function runStatement(db: Parameters<ReportDefinition<PeriodParams>["run"]>[0], params: PeriodParams) {
  if (!params.customerId) return { columns: STATEMENT_COLUMNS, rows: [], totals: [] };
  const lines = await queryRows<StatementLine>(db, statementQuery(params));
  return {
    columns: STATEMENT_COLUMNS,
    // opening balance first, then the entries of each currency
    rows: lines.filter((line) => line.line !== "closing").map(toRow),
    totals: lines.filter((line) => line.line === "closing").map(toRow),
  };
}

export const statementReport: ReportDefinition<StatementParams> = {
  id: "statement",
  title: "Customer statement",
  description: "One customer's invoices, payments, credit notes and refunds with a running balance, per currency.",
  params: periodParams,
  query: statementQuery,
  run: runStatement,
};
