import { customerInputSchema, type CustomerFormValues, type CustomerInput } from "@/lib/customers/schemas";
import { columnOfField, IMPORT_COLUMNS, type ImportColumn, type ImportField } from "./columns";

/** What a blank cell means, from the company settings. */
export interface ImportDefaults {
  currency: string;
  paymentTerms: number;
  language: string;
}

/** One CSV record after mapping: our column name → the cell as typed. */
export type ImportValues = Partial<Record<ImportColumn, string>>;

export interface RowError {
  column: ImportColumn | "row";
  message: string;
}

export type RowParse =
  | { ok: true; input: CustomerInput; filled: ImportField[] }
  | { ok: false; errors: RowError[]; reason: string };

function cell(values: ImportValues, column: ImportColumn): string {
  return (values[column] ?? "").trim();
}

/** The form's fields as raw text (the schema checks enums such as language itself). */
export type ImportFormValues = Record<keyof CustomerFormValues, string>;

/** Cells as the customer form would hold them; blanks take the defaults the form starts with. */
export function toFormValues(values: ImportValues, defaults: ImportDefaults): ImportFormValues {
  const form = { metadata: "" } as ImportFormValues;
  for (const { column, field } of IMPORT_COLUMNS) form[field] = cell(values, column);
  const orDefault = (column: ImportColumn, fallback: string) => cell(values, column) || fallback;
  return {
    ...form,
    currency: orDefault("currency", defaults.currency),
    paymentTerms: cell(values, "payment_terms").replace(/^net\s*/i, "") || String(defaults.paymentTerms),
    // "Bank transfer" → bank_transfer
    preferredPaymentMethod: cell(values, "preferred_payment_method").toLowerCase().replace(/[\s-]+/g, "_"),
    autoSendInvoices: orDefault("auto_send_invoices", "false"),
    sendReminders: orDefault("send_reminders", "true"),
    language: orDefault("language", defaults.language).toLowerCase(),
  };
}

/** Short enough for a table cell: a 10 KB value is not echoed back. */
function clip(message: string): string {
  return message.length > 200 ? `${message.slice(0, 197)}…` : message;
}

/**
 * Validates one row with the shared customer schema (the same rules as the form). `filled` lists the
 * fields whose cells were not blank: "update existing" only changes those.
 */
export function parseImportRow(values: ImportValues, defaults: ImportDefaults): RowParse {
  const result = customerInputSchema.safeParse(toFormValues(values, defaults));
  if (!result.success) {
    const errors: RowError[] = result.error.issues.map((issue) => {
      const field = typeof issue.path[0] === "string" ? issue.path[0] : "";
      return { column: columnOfField(field) ?? "row", message: clip(issue.message) };
    });
    return { ok: false, errors, reason: errors.map((e) => (e.column === "row" ? e.message : `${e.column}: ${e.message}`)).join("; ") };
  }
  const filled = IMPORT_COLUMNS.filter((c) => cell(values, c.column) !== "").map((c) => c.field);
  return { ok: true, input: result.data, filled };
}
