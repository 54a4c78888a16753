"use client";

import { useEffect, useRef, useState } from "react";
import { checkRows, clipValues, type MappedRow, type RowChecks } from "@/components/customers/import/check-rows";
import { MappingStep } from "@/components/customers/import/mapping-step";
import { PreviewStep } from "@/components/customers/import/preview-step";
import type { CsvData } from "@/components/customers/import/read-csv-file";
import { ReportStep, type ImportSummary } from "@/components/customers/import/report-step";
import { RunStep } from "@/components/customers/import/run-step";
import { UploadStep } from "@/components/customers/import/upload-step";
import { WizardSteps, type WizardStep } from "@/components/customers/import/wizard-steps";
import { splitIntoBatches } from "@/lib/customers/import/batches";
import { applyMapping, guessMapping, IMPORT_COLUMN_NAMES, type ColumnMapping, type ImportColumn } from "@/lib/customers/import/columns";
import type { ImportDefaults } from "@/lib/customers/import/rows";
import type { RowOutcome } from "@/lib/customers/import/run-batch";
import { MAX_CELL_CHARS, type DuplicatePolicy } from "@/lib/customers/import/schemas";
import { importCustomersBatchAction } from "./actions";

interface Progress {
  done: number;
  total: number;
  startedAt: number;
}

/** Upload → map → preview → import → report, all in the browser; only the batches go to the server. */
export function ImportWizard({ defaults }: { defaults: ImportDefaults }) {
  const [step, setStep] = useState<WizardStep>("Upload");
  const [data, setData] = useState<CsvData | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [rows, setRows] = useState<MappedRow[]>([]);
  const [checks, setChecks] = useState<RowChecks | null>(null);
  const [checked, setChecked] = useState(0);
  const [policy, setPolicy] = useState<DuplicatePolicy>("skip");
  const [progress, setProgress] = useState<Progress>({ done: 0, total: 0, startedAt: 0 });
  const [cancelling, setCancelling] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const cancelRef = useRef(false);
  // bumped whenever the rows change, so a check still running for old rows stops
  const checkRun = useRef(0);

  // leaving mid-import would silently stop it after the current batch
  useEffect(() => {
    if (step !== "Import") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [step]);

  function onLoaded(loaded: CsvData) {
    setData(loaded);
    setMapping(guessMapping(loaded.headers));
    setStep("Map columns");
  }

  function toPreview() {
    if (!data) return;
    const mapped = data.records.map((record, index) => ({ rowNumber: index + 2, values: applyMapping(record, mapping) }));
    setRows(mapped);
    setChecks(null);
    setChecked(0);
    setStep("Preview");
    const run = ++checkRun.current;
    void checkRows(mapped, defaults, setChecked, () => run !== checkRun.current).then((result) => {
      if (result && run === checkRun.current) setChecks(result);
    });
  }

  async function runImport() {
    const batches = splitIntoBatches(rows.map((row) => ({ rowNumber: row.rowNumber, values: clipValues(row.values, MAX_CELL_CHARS) })));
    const startedAt = Date.now();
    const outcomes: RowOutcome[] = [];
    let stopped: string | null = null;
    cancelRef.current = false;
    setCancelling(false);
    setProgress({ done: 0, total: rows.length, startedAt });
    setStep("Import");
    for (const batch of batches) {
      if (cancelRef.current) {
        stopped = "You cancelled the import.";
        break;
      }
      const result = await importCustomersBatchAction({ rows: batch, policy }).catch(() => ({
        ok: false as const,
        error: "The server could not be reached.",
      }));
      if (!result.ok) {
        outcomes.push(...batch.map((row) => ({ rowNumber: row.rowNumber, status: "failed" as const, reason: `Not imported: ${result.error}` })));
        stopped = `A batch was refused: ${result.error}`;
        break;
      }
      outcomes.push(...result.data);
      setProgress({ done: outcomes.length, total: rows.length, startedAt });
    }
    setSummary({ fileName: data?.fileName ?? "import.csv", outcomes, total: rows.length, elapsedMs: Date.now() - startedAt, stopped });
    setStep("Report");
  }

  function restart() {
    checkRun.current++;
    setData(null);
    setRows([]);
    setChecks(null);
    setSummary(null);
    setPolicy("skip");
    setStep("Upload");
  }

  const mappedColumns = IMPORT_COLUMN_NAMES.filter((column) => Object.values(mapping).includes(column)) satisfies ImportColumn[];

  return (
    <div className="space-y-6">
      <WizardSteps current={step} />
      {step === "Upload" ? <UploadStep onLoaded={onLoaded} /> : null}
      {step === "Map columns" && data ? (
        <MappingStep data={data} mapping={mapping} onChange={setMapping} onBack={restart} onNext={toPreview} />
      ) : null}
      {step === "Preview" ? (
        <PreviewStep
          rows={rows}
          columns={mappedColumns}
          checks={checks}
          checked={checked}
          policy={policy}
          onPolicy={setPolicy}
          onBack={() => {
            checkRun.current++;
            setStep("Map columns");
          }}
          onRun={() => void runImport()}
        />
      ) : null}
      {step === "Import" ? (
        <RunStep
          {...progress}
          cancelling={cancelling}
          onCancel={() => {
            cancelRef.current = true;
            setCancelling(true);
          }}
        />
      ) : null}
      {step === "Report" && summary ? <ReportStep summary={summary} onRestart={restart} /> : null}
    </div>
  );
}
