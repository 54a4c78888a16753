import Papa from "papaparse";
import { headerRowError } from "@/lib/customers/import/columns";
import { inspectCsvFile, MAX_IMPORT_BYTES } from "@/lib/customers/import/inspect-file";

export interface CsvData {
  fileName: string;
  size: number;
  headers: string[];
  /** Data rows in file order; row i is line i + 2 of a spreadsheet (the header is row 1). */
  records: Record<string, string | undefined>[];
}

export type ReadResult = { ok: true; data: CsvData } | { ok: false; error: string };

type CsvRecord = Record<string, string | undefined>;

const PARSE_CHUNK_CHARS = 1024 * 1024;

/**
 * Checks the file (size, binary, UTF-8, empty), then parses it chunk by chunk with papaparse.
 * The file is decoded once here rather than by papaparse's file reader, which decodes each slice
 * on its own and would break a multi-byte character that straddles two slices.
 */
export async function readCsvFile(file: File, onProgress?: (rows: number) => void): Promise<ReadResult> {
  // the size first, so a 50 MB file is never read into memory
  if (file.size > MAX_IMPORT_BYTES) {
    const tooBig = inspectCsvFile(new Uint8Array(0), file.size);
    if (!tooBig.ok) return tooBig;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const inspection = inspectCsvFile(bytes, file.size);
  if (!inspection.ok) return inspection;
  const text = new TextDecoder("utf-8").decode(bytes);

  const headers: string[] = [];
  // papaparse's own names for the columns (it renames a repeated blank name), the keys of each record
  let fields: string[] | undefined;
  const records: Record<string, string | undefined>[] = [];
  let refusal: string | null = null;
  let headerChecked = false;
  const checkHeader = () => {
    if (headerChecked) return;
    headerChecked = true;
    refusal = headerRowError(headers);
  };

  await new Promise<void>((resolve) => {
    Papa.parse<CsvRecord>(text, {
      header: true,
      skipEmptyLines: "greedy",
      worker: false,
      chunkSize: PARSE_CHUNK_CHARS,
      transformHeader(header, index) {
        const name = header.replace(/^\uFEFF/, "").trim();
        headers[index] = name;
        return name;
      },
      chunk(results: Papa.ParseResult<CsvRecord>, parser: Papa.Parser) {
        checkHeader();
        if (refusal) {
          parser.abort();
          return;
        }
        const quote = results.errors.find((error) => error.type === "Quotes");
        if (quote) {
          // an unclosed quote swallows the rest of the chunk, so the bad row is the last one read
          refusal = `Row ${records.length + results.data.length + 1} has a quote (") that is never closed, so the file cannot be read reliably. Fix it in your spreadsheet and export again.`;
          parser.abort();
          return;
        }
        fields ??= results.meta.fields;
        for (const record of results.data) records.push(record);
        onProgress?.(records.length);
      },
      complete: () => resolve(),
      error: () => {
        refusal = "The file could not be read as CSV.";
        resolve();
      },
    });
  });
  checkHeader();
  if (refusal) return { ok: false, error: refusal };
  if (records.length === 0) return { ok: false, error: "The file has column names but no customer rows." };
  return { ok: true, data: { fileName: file.name, size: file.size, headers: fields ?? headers, records } };
}
