import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MappingStep, mappingError } from "@/components/customers/import/mapping-step";
import { PreviewStep } from "@/components/customers/import/preview-step";
import { ReportStep } from "@/components/customers/import/report-step";
import { RunStep } from "@/components/customers/import/run-step";
import { UploadStep } from "@/components/customers/import/upload-step";
import { guessMapping } from "@/lib/customers/import/columns";

const noop = () => {};

describe("import wizard steps", () => {
  it("upload accepts CSV files only", () => {
    const html = renderToStaticMarkup(<UploadStep onLoaded={noop} />);
    expect(html).toContain('accept=".csv,text/csv"');
  });

  it("mapping shows each header with its guessed field and refuses a mapping without a name", () => {
    const data = { fileName: "c.csv", size: 10, headers: ["Company", "E-mail", "Shoe size"], records: [{ Company: "Acme", "E-mail": "a@acme.test", "Shoe size": "42" }] };
    const html = renderToStaticMarkup(<MappingStep data={data} mapping={guessMapping(data.headers)} onChange={noop} onBack={noop} onNext={noop} />);
    expect(html.match(/data-testid="import-mapping-row"/g)).toHaveLength(3);
    expect(html).toContain("2 mapped");
    expect(mappingError({ "E-mail": "email" })).toMatch(/every customer needs a name/);
    expect(mappingError({ a: "email", b: "email", c: "company_name" })).toMatch(/Two columns are mapped to email/);
    expect(mappingError({ a: "ignore" })).toMatch(/at least one column/);
    expect(mappingError({ a: "company_name" })).toBeNull();
  });

  it("preview shows each row's errors and the counts over all rows", () => {
    const rows = [
      { rowNumber: 2, values: { company_name: "Acme", email: "bad" } },
      { rowNumber: 3, values: { company_name: "Beta", email: "b@beta.test" } },
    ];
    const checks = { invalid: new Map([[0, [{ column: "email" as const, message: "Enter a valid email address." }]]]), valid: 1 };
    const html = renderToStaticMarkup(
      <PreviewStep rows={rows} columns={["company_name", "email"]} checks={checks} checked={2} policy="skip" onPolicy={noop} onBack={noop} onRun={noop} />,
    );
    expect(html).toContain('data-valid="false"');
    expect(html).toContain('data-valid="true"');
    expect(html).toContain("Enter a valid email address.");
    expect(html).toMatch(/data-testid="import-valid-count"[^>]*>1 valid/);
    expect(html).toMatch(/data-testid="import-invalid-count"[^>]*>1 invalid/);
    expect(html).toMatch(/<input[^>]*checked=""[^>]*value="skip"/);
  });

  it("run shows rows done of total", () => {
    const html = renderToStaticMarkup(<RunStep done={500} total={2000} startedAt={Date.now() - 65_000} cancelling={false} onCancel={noop} />);
    expect(html).toContain("500 of 2,000 rows (25%)");
    expect(html).toContain("1:05 elapsed");
  });

  it("report counts outcomes, lists failures and says when it stopped early", () => {
    const outcomes = [
      { rowNumber: 2, status: "created" as const, number: "CUST-0001" },
      { rowNumber: 3, status: "failed" as const, reason: "email: Enter a valid email address." },
      { rowNumber: 4, status: "skipped" as const, reason: "Duplicate of CUST-0001 (same email)." },
    ];
    const html = renderToStaticMarkup(<ReportStep summary={{ fileName: "c.csv", outcomes, total: 10, elapsedMs: 1500, stopped: "You cancelled the import." }} onRestart={noop} />);
    expect(html).toMatch(/data-testid="import-created"[^>]*>1</);
    expect(html).toMatch(/data-testid="import-failed"[^>]*>1</);
    expect(html).toMatch(/data-testid="import-skipped"[^>]*>1</);
    expect(html.match(/data-testid="import-failure-row"/g)).toHaveLength(1);
    expect(html).toContain("7 rows were not sent");
    expect(html).toContain("Download report (CSV)");
  });
});
