"use client";

import { Ban, CheckCheck, Download, FileSpreadsheet, Send, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { bulkFinalize, bulkSend, bulkVoid } from "@/app/(staff)/invoices/bulk-actions";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { Button, buttonVariants } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { InvoiceListRow } from "@/lib/invoices/list";
import { BULK_APPLIES, CHUNK_SIZE, failureLines, runInChunks, summarize, type BulkKind } from "./bulk-runner";
import { downloadInvoicesZip } from "./download-zip";
import { BulkVoidDialog } from "./void-dialog";

const WORDS: Record<BulkKind, { doing: string; done: string; confirm: string; detail: string }> = {
  finalize: { doing: "Finalizing", done: "finalized", confirm: "Finalize", detail: "Each draft gets the next invoice number and can no longer be edited." },
  send: { doing: "Sending", done: "sent", confirm: "Send", detail: "Each invoice is emailed with the default message and its PDF to the customer's primary address." },
  void: { doing: "Voiding", done: "voided", confirm: "Void", detail: "" },
};

const plural = (n: number) => `${n} ${n === 1 ? "invoice" : "invoices"}`;

interface Progressing {
  label: string;
  done: number;
  total: number;
}

/**
 * What can be done with the ticked invoices of this page. Each action applies to the ticked
 * invoices it fits (finalize: drafts, …), runs them in chunks with a progress bar, then says in a
 * toast how many worked and why the others did not.
 */
export function InvoiceBulkBar({ selected, canWrite, exportQuery, onClear }: { selected: InvoiceListRow[]; canWrite: boolean; exportQuery: string; onClear: () => void }) {
  const router = useRouter();
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [confirming, setConfirming] = useState<Exclude<BulkKind, "void"> | null>(null);
  const [voiding, setVoiding] = useState(false);
  const applicable = (kind: BulkKind) => selected.filter((row) => BULK_APPLIES[kind](row.status));
  const labelOf = (id: string) => selected.find((row) => row.id === id)?.number ?? "A draft";

  async function run(kind: BulkKind, reason?: string) {
    const ids = applicable(kind).map((row) => row.id);
    const words = WORDS[kind];
    setProgress({ label: words.doing, done: 0, total: ids.length });
    const outcomes = await runInChunks(
      ids,
      CHUNK_SIZE[kind],
      (chunk) => (kind === "finalize" ? bulkFinalize({ ids: chunk }) : kind === "send" ? bulkSend({ ids: chunk }) : bulkVoid({ ids: chunk, reason: reason ?? "" })),
      (done) => setProgress({ label: words.doing, done, total: ids.length }),
    );
    setProgress(null);
    const { done, failures } = summarize(outcomes, labelOf);
    const description = failures.length ? <p className="whitespace-pre-line">{failureLines(failures)}</p> : undefined;
    if (failures.length === 0) toast.success(`${plural(done)} ${words.done}.`);
    else if (done > 0) toast.warning(`${plural(done)} ${words.done}; ${failures.length} failed.`, { description, duration: 15_000 });
    else toast.error(`No invoice was ${words.done}.`, { description, duration: 15_000 });
    onClear();
    router.refresh();
  }

  async function download() {
    setProgress({ label: "Preparing PDFs", done: 0, total: selected.length });
    try {
      const { included, failed } = await downloadInvoicesZip(selected.map((row) => row.id));
      if (failed === 0) toast.success(`Downloaded ${plural(included)} as PDFs.`);
      else toast.warning(`Downloaded ${plural(included)}; ${failed} could not be rendered (see errors.txt in the zip).`);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The PDFs could not be downloaded.");
    } finally {
      setProgress(null);
    }
  }

  const exportHref = `/api/invoices/export?${[exportQuery, ...selected.map((row) => `ids=${row.id}`)].filter(Boolean).join("&")}`;
  const count = (kind: BulkKind) => applicable(kind).length;
  const busy = progress !== null;

  return (
    <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 px-3 py-2" data-testid="bulk-bar">
      <span className="text-sm font-medium" data-testid="bulk-count">
        {selected.length} selected
      </span>
      {progress ? (
        <div className="flex min-w-64 flex-1 items-center gap-3" aria-live="polite">
          <Progress value={progress.total ? (100 * progress.done) / progress.total : 0} className={progress.done === 0 ? "animate-pulse" : undefined} />
          <span className="text-sm whitespace-nowrap text-muted-foreground">
            {progress.label} {progress.done} of {progress.total}…
          </span>
        </div>
      ) : (
        <div className="flex flex-1 flex-wrap items-center gap-2">
          {canWrite ? (
            <>
              <Button size="sm" variant="outline" disabled={busy || count("finalize") === 0} onClick={() => setConfirming("finalize")}>
                <CheckCheck />
                Finalize{count("finalize") !== selected.length ? ` (${count("finalize")})` : ""}
              </Button>
              <Button size="sm" variant="outline" disabled={busy || count("send") === 0} onClick={() => setConfirming("send")}>
                <Send />
                Send{count("send") !== selected.length ? ` (${count("send")})` : ""}
              </Button>
            </>
          ) : null}
          <Button size="sm" variant="outline" disabled={busy} onClick={download}>
            <Download />
            Download PDFs
          </Button>
          {canWrite ? (
            <Button size="sm" variant="outline" disabled={busy || count("void") === 0} onClick={() => setVoiding(true)}>
              <Ban />
              Void{count("void") !== selected.length ? ` (${count("void")})` : ""}…
            </Button>
          ) : null}
          <a href={exportHref} download className={buttonVariants({ size: "sm", variant: "outline" })}>
            <FileSpreadsheet />
            Export CSV
          </a>
          <Button size="sm" variant="ghost" className="ml-auto" onClick={onClear}>
            <X />
            Clear selection
          </Button>
        </div>
      )}

      <AlertDialog open={confirming !== null} onOpenChange={(open) => !open && setConfirming(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {confirming ? WORDS[confirming].confirm : ""} {confirming ? plural(count(confirming)) : ""}?
            </AlertDialogTitle>
            <AlertDialogDescription>
              {confirming ? WORDS[confirming].detail : ""}
              {confirming && count(confirming) < selected.length ? ` The other ${selected.length - count(confirming)} selected stay as they are.` : ""}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() => {
                if (confirming) void run(confirming);
                setConfirming(null);
              }}
            >
              {confirming ? WORDS[confirming].confirm : ""}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <BulkVoidDialog open={voiding} onOpenChange={setVoiding} count={count("void")} skipped={selected.length - count("void")} onConfirm={(reason) => void run("void", reason)} />
    </div>
  );
}
