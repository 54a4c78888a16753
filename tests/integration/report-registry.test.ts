import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { controlKeys, isChoice } from "@/lib/reports/controls";
import { csvColumns, reportToCsv } from "@/lib/reports/csv";
import { exportReport } from "@/lib/reports/export";
import { findReport, REPORTS, reportControls } from "@/lib/reports/registry";
import { loadReportView } from "@/lib/reports/view";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice, insertTestCustomer } from "../helpers/invoice-rows";
import { pdfText } from "../unit/pdf-fixtures";

// The registry the /reports pages, the export route and the bench read: every report in its
// place, and every filter its page shows is one the report's params actually read.

const { db } = await createTestDatabase();
const CUSTOMER = "0b7e9c1a-4a7f-4c55-9d0e-6f1d2b3c4d5e";
let customerId: string;

beforeAll(async () => {
  customerId = await insertTestCustomer(db, "Registry Ltd", "USD");
  await insertFinalizedInvoice(db, { customerId, lines: [{ quantity: 1, unitPrice: 12_34n }], issueDate: "2026-02-01", dueDate: "2026-02-15" });
  await insertFinalizedInvoice(db, { customerId, currency: "JPY", lines: [{ quantity: 2, unitPrice: 500n }], issueDate: "2026-02-01", dueDate: "2026-02-15" });
});

const field = (params: object, key: string): unknown => (params as Record<string, unknown>)[key];

describe("REPORTS", () => {
  it("lists the seven reports in the index's order, each found by its id", () => {
    expect(REPORTS.map((report) => report.id)).toEqual(["aging", "revenue", "payments", "refunds", "failed-payments", "tax", "statement"]);
    for (const report of REPORTS) {
      expect(findReport(report.id)).toBe(report);
      expect(report.title.length).toBeGreaterThan(0);
      expect(report.description.length).toBeGreaterThan(0);
    }
    expect(findReport("nope")).toBeUndefined();
  });
});

describe.each(REPORTS.map((report) => [report.id, report] as const))("the %s page's filters", (_id, report) => {
  const controls = reportControls(report);

  it("are all read by the report's params", () => {
    for (const control of controls) {
      if (control === "period") {
        const params = report.params.parse({ from: "2026-01-02", to: "2026-02-03" });
        expect([field(params, "from"), field(params, "to")]).toEqual(["2026-01-02", "2026-02-03"]);
      } else if (control === "asOf") {
        expect(field(report.params.parse({ asOf: "2026-02-03" }), "asOf")).toBe("2026-02-03");
      } else if (control === "currency") {
        expect(field(report.params.parse({ currency: "JPY" }), "currency")).toBe("JPY");
      } else if (control === "customer") {
        expect(field(report.params.parse({ customerId: CUSTOMER }), "customerId")).toBe(CUSTOMER);
      } else if (isChoice(control)) {
        for (const option of control.options) {
          const read = field(report.params.parse({ [control.name]: option.value }), control.name);
          expect(Array.isArray(read) ? read : [read], `${control.name}=${option.value}`).toEqual([option.value]);
        }
      }
    }
    expect(new Set(controlKeys(controls)).size).toBe(controlKeys(controls).length);
  });

  it("fall back to defaults on a hand-edited URL instead of failing", () => {
    const garbage = Object.fromEntries(controlKeys(controls).map((key) => [key, "not-a-value"]));
    expect(() => report.params.parse(garbage)).not.toThrow();
  });
});

describe.each(REPORTS.map((report) => [report.id, report] as const))("exporting %s", (id, report) => {
  const query = { from: "2026-01-01", to: "2026-03-31", asOf: "2026-03-31", customerId: "" };

  it("gives the page's result as CSV, totals rows last", async () => {
    const raw = { ...query, customerId: id === "statement" ? customerId : "" };
    const view = await loadReportView(db, report, raw);
    const file = await exportReport(db, report, raw, "csv", "2026-04-01");
    const text = new TextDecoder().decode(file.bytes);
    expect(file.filename).toBe(`${id}-2026-04-01.csv`);
    expect(text).toBe(reportToCsv(view.result));
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(csvColumns(view.result).map((column) => column.label));
    expect(parsed.data).toHaveLength(1 + view.result.rows.length + view.result.totals.length);
  });

  it("prints its title and table as PDF", async () => {
    const raw = { ...query, customerId: id === "statement" ? customerId : "" };
    const file = await exportReport(db, report, raw, "pdf", "2026-04-01");
    const text = pdfText(Buffer.from(file.bytes));
    expect(text).toContain(report.title);
    const view = await loadReportView(db, report, raw);
    if (view.result.rows.length) expect(text).toContain(view.result.columns.map((column) => column.label).join(" "));
    if (id === "statement") expect(text).toContain("Customer: Registry Ltd");
  });
});
