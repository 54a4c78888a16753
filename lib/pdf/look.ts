import { TEMPLATE_COLUMNS, type InvoiceTemplate, type TemplateColumn } from "@/db/schema/invoice-templates";
import type { DisplayStatus } from "@/lib/invoices/status";
import type { PdfLook } from "./types";

export const DEFAULT_ACCENT = "#2563eb";

const isColumn = (value: string): value is TemplateColumn => (TEMPLATE_COLUMNS as readonly string[]).includes(value);

/** The template as printed; no template (or a deleted one's fields) falls back to the defaults. */
export function lookFromTemplate(template: InvoiceTemplate | null): PdfLook {
  const accent = template?.accentColor;
  return {
    accentColor: accent && /^#[0-9a-fA-F]{6}$/.test(accent) ? accent : DEFAULT_ACCENT,
    showLogo: template?.showLogo ?? true,
    columns: new Set(template ? template.columns.filter(isColumn) : TEMPLATE_COLUMNS),
    headerText: template?.headerText?.trim() || null,
    footerText: template?.footerText?.trim() || null,
  };
}

const STATUS_COLORS: Partial<Record<DisplayStatus, string>> = {
  paid: "#15803d",
  overdue: "#b91c1c",
  void: "#6b7280",
  uncollectible: "#6b7280",
  draft: "#6b7280",
};

/** Badge colour of a status: green when paid, red when overdue, grey when closed, else the accent. */
export function statusColor(status: DisplayStatus, accent: string): string {
  return STATUS_COLORS[status] ?? accent;
}
