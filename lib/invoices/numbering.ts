import type { Db } from "@/db";
import { companySettings } from "@/db/schema";
import { allocateNumbers } from "@/lib/numbering/allocate";
import { formatDocumentNumber, type NumberReset } from "@/lib/settings/number-format";

/** Each kind is its own gapless series (invariant 2); the series name is the counter's key. */
export type DocumentKind = "invoice" | "credit_note";

// The column defaults of company_settings, for a database whose settings were never saved.
const DEFAULT_FORMATS: Record<DocumentKind, string> = { invoice: "INV-{YYYY}-{SEQ:5}", credit_note: "CN-{YYYY}-{SEQ:5}" };
const DEFAULT_RESET: NumberReset = "yearly";

/** The counter period a date falls in: "" (never resets), "2026" (yearly) or "2026-11" (monthly), in UTC. */
export function numberPeriod(reset: NumberReset, date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  if (reset === "yearly") return year;
  if (reset === "monthly") return `${year}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  return "";
}

/**
 * Takes the next number of a series for a document dated `date`, in the caller's transaction: the
 * counter row stays locked until it commits, and a rollback gives the number back (no gap).
 * Credit notes follow the invoice reset rule with their own format.
 */
export async function nextDocumentNumber(tx: Db, kind: DocumentKind, date: Date): Promise<string> {
  const [settings] = await tx
    .select({
      invoiceFormat: companySettings.invoiceNumberFormat,
      creditNoteFormat: companySettings.creditNoteNumberFormat,
      reset: companySettings.invoiceNumberReset,
    })
    .from(companySettings)
    .limit(1);
  const format = (kind === "invoice" ? settings?.invoiceFormat : settings?.creditNoteFormat) ?? DEFAULT_FORMATS[kind];
  const seq = await allocateNumbers(tx, kind, 1, numberPeriod(settings?.reset ?? DEFAULT_RESET, date));
  return formatDocumentNumber(format, { date, seq });
}

/**
 * A unique violation of `constraint`, as either driver reports it (possibly wrapped by drizzle):
 * how a number that clashes with an existing one (after a format or reset change) shows up.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name, constraint_name: altName } = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (code === "23505" && (name ?? altName) === constraint) return true;
  }
  return false;
}
