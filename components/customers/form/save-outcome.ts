import type { DuplicateMatch } from "@/lib/customers/duplicates";

/**
 * What the create and edit actions answer when the input was valid: saved, look-alikes to confirm
 * first (the user may "Save anyway"), or (edit only) someone else saved in between.
 */
export type CustomerSaveOutcome =
  | { status: "saved"; id: string; number: string }
  | { status: "duplicates"; matches: DuplicateMatch[] }
  | { status: "conflict"; message: string };
