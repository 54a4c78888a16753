import { describe, expect, it } from "vitest";
import { splitIntoBatches } from "@/lib/customers/import/batches";
import { planBatch, type ValidRow } from "@/lib/customers/import/plan";
import { countOutcomes, reportToCsv } from "@/lib/customers/import/report";
import { parseImportRow, type ImportValues } from "@/lib/customers/import/rows";

const defaults = { currency: "KES", paymentTerms: 15, language: "en" };

describe("parseImportRow", () => {
  it("fills blanks from the company defaults and lists the filled fields", () => {
    const result = parseImportRow({ company_name: "Acme", email: "A@Acme.test", currency: "", send_reminders: "" }, defaults);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({ companyName: "Acme", email: "a@acme.test", currency: "KES", paymentTerms: 15, language: "en", sendReminders: true, autoSendInvoices: false });
    expect(result.filled).toEqual(["companyName", "email"]);
  });

  it("names the column in each reason", () => {
    const result = parseImportRow({ company_name: "Acme", email: "nope", language: "xx" }, defaults);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.column)).toEqual(["email", "language"]);
    expect(result.reason).toMatch(/^email: Enter a valid email address\.; language: .+/);
    const phone = parseImportRow({ company_name: "Acme", phone: "12" }, defaults);
    expect(!phone.ok && phone.reason).toMatch(/^phone: Enter a valid phone number/);
  });
});

const row = (index: number, values: ImportValues): ValidRow => {
  const parsed = parseImportRow(values, defaults);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { index, rowNumber: index + 2, input: parsed.input, filled: parsed.filled };
};

describe("planBatch", () => {
  const rows = [
    row(0, { company_name: "A", email: "a@x.test" }),
    row(1, { company_name: "B", email: "A@X.test", industry: "Retail" }),
    row(2, { company_name: "C", tax_id: "t-1" }),
    row(3, { company_name: "D" }),
  ];
  const existing = [{ id: "c-1", number: "CUST-0001", email: null, taxId: "T-1" }];

  it("skip: duplicates of earlier rows and of customers are skipped", () => {
    const plan = planBatch(rows, existing, "skip");
    expect(plan.creates.map((c) => c.rowIndexes)).toEqual([[0], [3]]);
    expect([...plan.skipped]).toEqual([[1, "Duplicate of row 2 (same email)."], [2, "Duplicate of CUST-0001 (same tax id)."]]);
    expect(plan.updates).toEqual([]);
  });

  it("update: merges into the earlier row, updates the customer with filled cells", () => {
    const plan = planBatch(rows, existing, "update");
    expect(plan.creates.map((c) => c.rowIndexes)).toEqual([[0, 1], [3]]);
    expect(plan.creates[0]!.input).toMatchObject({ companyName: "B", industry: "Retail", email: "a@x.test" });
    expect(plan.updates).toEqual([{ id: "c-1", number: "CUST-0001", rowIndexes: [2], set: { companyName: "C", taxId: "t-1" } }]);
    expect(plan.notes.get(1)).toBe("Merged into row 2 (same email).");
  });

  it("create: every row is created", () => {
    expect(planBatch(rows, existing, "create").creates).toHaveLength(4);
  });
});

describe("report", () => {
  it("counts outcomes and writes a CSV in row order with defused formulas", () => {
    const outcomes = [
      { rowNumber: 3, status: "failed" as const, reason: 'email: bad, "quoted"' },
      { rowNumber: 2, status: "created" as const, number: "CUST-0001" },
      { rowNumber: 4, status: "skipped" as const, reason: "=HYPERLINK()" },
    ];
    expect(countOutcomes(outcomes)).toEqual({ created: 1, updated: 0, skipped: 1, failed: 1 });
    expect(reportToCsv(outcomes)).toBe('row,status,reason,customer_number\r\n2,created,,CUST-0001\r\n3,failed,"email: bad, ""quoted""",\r\n4,skipped,\'=HYPERLINK(),\r\n');
  });
});

describe("splitIntoBatches", () => {
  it("splits by row count and by size", () => {
    expect(splitIntoBatches(Array.from({ length: 1201 }, (_, i) => i), 500).map((b) => b.length)).toEqual([500, 500, 201]);
    const big = Array.from({ length: 10 }, () => "x".repeat(300));
    expect(splitIntoBatches(big, 500, 1000).map((b) => b.length)).toEqual([3, 3, 3, 1]);
    expect(splitIntoBatches([], 500)).toEqual([]);
  });
});
