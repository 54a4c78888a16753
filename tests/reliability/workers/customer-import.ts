import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { clipValues } from "@/components/customers/import/check-rows";
import { readCsvFile } from "@/components/customers/import/read-csv-file";
import { splitIntoBatches } from "@/lib/customers/import/batches";
import { applyMapping, guessMapping } from "@/lib/customers/import/columns";
import { getImportDefaults } from "@/lib/customers/import/defaults";
import { countOutcomes } from "@/lib/customers/import/report";
import { importCustomerBatch, type RowOutcome } from "@/lib/customers/import/run-batch";
import { MAX_CELL_CHARS } from "@/lib/customers/import/schemas";
import { connectWorker } from "./connect";

// The customer import wizard without the browser: the CSV file (argv[2]) read and mapped as the
// wizard reads it, then sent batch after batch with the "skip duplicates" policy, each batch one
// transaction on the server. Run again after a kill, the rows already imported are skipped.
const file = process.argv[2];
if (!file) throw new Error("usage: customer-import.ts <file.csv>");
const read = await readCsvFile(new File([readFileSync(file)], basename(file)));
if (!read.ok) throw new Error(read.error);
const mapping = guessMapping(read.data.headers);
const rows = read.data.records.map((record, i) => ({ rowNumber: i + 2, values: clipValues(applyMapping(record, mapping), MAX_CELL_CHARS) }));
const { db, actor, close } = await connectWorker();
const defaults = await getImportDefaults(db);
const outcomes: RowOutcome[] = [];
for (const batch of splitIntoBatches(rows)) outcomes.push(...(await importCustomerBatch(db, batch, "skip", defaults, actor)));
const failed = outcomes.filter((outcome) => outcome.status === "failed").slice(0, 3);
console.log(JSON.stringify({ rows: rows.length, ...countOutcomes(outcomes), firstFailures: failed }));
await close();
