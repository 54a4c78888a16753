import { formatReportDate } from "./format";
import type { ReportDefinition } from "./types";

// Which filters a report's page shows. The page builds its filter bar from this list, the PDF
// prints the same list as its "parameters" line, and the URL keys are the report's params keys.

/** One of the report's own choices, e.g. revenue `by` = period | customer | product. */
export interface ChoiceControl {
  /** the params key, also the URL parameter */
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
}

/**
 * "period" = from/to, "asOf" = one date, "currency" = the currencies invoiced, "customer" = one
 * customer (URL key customerId).
 */
export type ReportControl = "period" | "asOf" | "currency" | "customer" | ChoiceControl;

/** Any report: the page, the export and the bench treat them all alike. */
export type RegisteredReport = ReportDefinition<object>;

export const isChoice = (control: ReportControl): control is ChoiceControl => typeof control === "object";

/** The URL keys a list of controls reads, in order. */
export function controlKeys(controls: readonly ReportControl[]): string[] {
  return controls.flatMap((control) => {
    if (isChoice(control)) return [control.name];
    if (control === "period") return ["from", "to"];
    if (control === "customer") return ["customerId"];
    return [control];
  });
}

/** A param as URL text: a list param (refunds' status) joins with commas, as its URL does. */
export function paramText(params: object, key: string): string | undefined {
  const value: unknown = (params as Record<string, unknown>)[key];
  if (Array.isArray(value)) return value.length ? value.join(",") : undefined;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * What a printed report was run for, one phrase per control: "Mar 1, 2026 – Mar 31, 2026",
 * "As of Mar 31, 2026", "All currencies", "Customer: Acme Ltd", "Group by: Customer".
 */
export function describeParams(controls: readonly ReportControl[], params: object, customerName: string | null): string[] {
  return controls.flatMap((control): string[] => {
    if (isChoice(control)) {
      const value = paramText(params, control.name);
      const option = control.options.find((item) => item.value === value);
      return value ? [`${control.label}: ${option?.label ?? value}`] : [];
    }
    switch (control) {
      case "period": {
        const from = paramText(params, "from");
        const to = paramText(params, "to");
        return from && to ? [`${formatReportDate(from)} – ${formatReportDate(to)}`] : [];
      }
      case "asOf": {
        const asOf = paramText(params, "asOf");
        return asOf ? [`As of ${formatReportDate(asOf)}`] : [];
      }
      case "currency":
        return [paramText(params, "currency") ?? "All currencies"];
      case "customer":
        return paramText(params, "customerId") ? [`Customer: ${customerName ?? "unknown customer"}`] : ["All customers"];
    }
  });
}

const PERIOD_FILTERS: ReportControl[] = ["period", "currency", "customer"];

/** A choice whose options are [value, label] pairs. */
function choice(name: string, label: string, options: readonly (readonly [string, string])[]): ChoiceControl {
  return { name, label, options: options.map(([value, optionLabel]) => ({ value, label: optionLabel })) };
}

/**
 * The filters each report's page shows; keys and option values are the report's params keys and
 * enum values (tests/integration/report-registry.test.ts checks each one against its schema). Kept
 * apart from registry.ts so the export core can read it without loading every report.
 */
const CONTROLS: Record<string, readonly ReportControl[]> = {
  aging: ["asOf", "currency", "customer"],
  revenue: [
    ...PERIOD_FILTERS,
    choice("by", "Group by", [["month", "Month"], ["quarter", "Quarter"], ["customer", "Customer"], ["product", "Product"]]),
  ],
  payments: [...PERIOD_FILTERS, choice("by", "Group by", [["method", "Method"], ["gateway", "Gateway"], ["status", "Status"]])],
  refunds: [
    ...PERIOD_FILTERS,
    choice("by", "Group by", [["origin", "Origin"], ["method", "Method"], ["month", "Month"]]),
    choice("status", "Status", [["succeeded", "Succeeded"], ["pending", "Pending"], ["failed", "Failed"]]),
  ],
  "failed-payments": PERIOD_FILTERS,
  tax: ["period", "currency", choice("by", "Per", [["month", "Month"], ["quarter", "Quarter"]])],
  statement: ["customer", "period", "currency"],
};

/**
 * The filters of a report's page: its entry above, or for a report not listed (a test's) what its
 * default params show: as of a date or a period, with currency and customer.
 */
export function reportControls(report: RegisteredReport): readonly ReportControl[] {
  const listed = CONTROLS[report.id];
  if (listed) return listed;
  const defaults = report.params.safeParse({});
  const keys = defaults.success ? Object.keys(defaults.data) : [];
  return [keys.includes("asOf") ? "asOf" : "period", "currency", "customer"];
}

/** Reports that show nothing until a customer is chosen: the page asks for one. */
const NEEDS_CUSTOMER = new Set(["statement"]);

export function needsCustomer(report: RegisteredReport, params: object): boolean {
  return NEEDS_CUSTOMER.has(report.id) && paramText(params, "customerId") === undefined;
}
