import { z } from "zod";
import { IMPORT_COLUMN_NAMES } from "./columns";

// Shared by the import wizard (client) and its server action.

export const DUPLICATE_POLICIES = ["skip", "update", "create"] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** Rows per request the wizard sends; the server accepts up to MAX_BATCH_ROWS. */
export const BATCH_SIZE = 500;
export const MAX_BATCH_ROWS = 1000;
/** Longer than any customer field allows, so a clipped cell still fails with the field's own message. */
export const MAX_CELL_CHARS = 20_000;

export const importBatchSchema = z.object({
  policy: z.enum(DUPLICATE_POLICIES, { error: "Choose what to do with duplicates." }),
  rows: z
    .array(
      z.object({
        rowNumber: z.number().int().min(1),
        values: z.partialRecord(z.enum(IMPORT_COLUMN_NAMES), z.string().max(MAX_CELL_CHARS)),
      }),
    )
    .min(1, "The batch is empty.")
    .max(MAX_BATCH_ROWS, `Send at most ${MAX_BATCH_ROWS} rows at a time.`),
});

export type ImportBatchInput = z.input<typeof importBatchSchema>;
