import type { CustomerInput } from "@/lib/customers/schemas";
import type { ImportField } from "./columns";
import type { DuplicatePolicy } from "./schemas";

/** A row that passed validation. */
export interface ValidRow {
  index: number;
  rowNumber: number;
  input: CustomerInput;
  filled: ImportField[];
}

/** A live customer that shares an email or tax id with some row of the batch. */
export interface ExistingMatch {
  id: string;
  number: string;
  email: string | null;
  taxId: string | null;
}

/** A new customer; later rows of the same batch that duplicate it under "update" merge into it. */
export interface PlannedCreate {
  rowIndexes: number[];
  input: CustomerInput;
}

export interface PlannedUpdate {
  id: string;
  number: string;
  rowIndexes: number[];
  set: Partial<CustomerInput>;
}

export interface BatchPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  /** row index → why it was skipped or failed */
  skipped: Map<number, string>;
  failed: Map<number, string>;
  /** row index → the reason shown next to an update that merged into another row */
  notes: Map<number, string>;
}

type Target = { kind: "existing"; update: PlannedUpdate } | { kind: "new"; create: PlannedCreate; rowNumber: number };
type Key = { key: string; what: "email" | "tax id" };

function keysOf(input: CustomerInput): Key[] {
  const keys: Key[] = [];
  if (input.email) keys.push({ key: `e:${input.email.toLowerCase()}`, what: "email" });
  if (input.taxId) keys.push({ key: `t:${input.taxId.toUpperCase()}`, what: "tax id" });
  return keys;
}

/** Only the fields the row actually filled: "update existing" never blanks what the row left empty. */
function filledPart(row: ValidRow): Partial<CustomerInput> {
  const part: Partial<Record<keyof CustomerInput, unknown>> = {};
  for (const field of row.filled) part[field] = row.input[field];
  return part as Partial<CustomerInput>;
}

function describe(target: Target): string {
  return target.kind === "existing" ? target.update.number : `row ${target.rowNumber}`;
}

/**
 * Decides, in file order, what each valid row does. A row duplicates an existing customer or an
 * earlier row of the same batch when it shares the email (case-insensitive) or the tax id.
 * skip: duplicates are skipped. update: the row's filled cells go onto the customer it matches (or
 * merge into the earlier row's new customer). create: every row becomes a new customer.
 */
export function planBatch(rows: readonly ValidRow[], existing: readonly ExistingMatch[], policy: DuplicatePolicy): BatchPlan {
  const plan: BatchPlan = { creates: [], updates: [], skipped: new Map(), failed: new Map(), notes: new Map() };
  if (policy === "create") {
    plan.creates = rows.map((row) => ({ rowIndexes: [row.index], input: row.input }));
    return plan;
  }
  // The first (oldest) live customer holding a key wins; rows of the batch register their keys as they go.
  const owners = new Map<string, Target>();
  const updates = new Map<string, PlannedUpdate>();
  for (const match of existing) {
    const target = (): Target => {
      let update = updates.get(match.id);
      if (!update) updates.set(match.id, (update = { id: match.id, number: match.number, rowIndexes: [], set: {} }));
      return { kind: "existing", update };
    };
    if (match.email && !owners.has(`e:${match.email.toLowerCase()}`)) owners.set(`e:${match.email.toLowerCase()}`, target());
    if (match.taxId && !owners.has(`t:${match.taxId.toUpperCase()}`)) owners.set(`t:${match.taxId.toUpperCase()}`, target());
  }

  for (const row of rows) {
    const keys = keysOf(row.input);
    const hits: { target: Target; what: Key["what"] }[] = [];
    for (const { key, what } of keys) {
      const target = owners.get(key);
      if (target && !hits.some((hit) => sameTarget(hit.target, target))) hits.push({ target, what });
    }
    const first = hits[0];
    if (!first) {
      const create: PlannedCreate = { rowIndexes: [row.index], input: row.input };
      plan.creates.push(create);
      for (const { key } of keys) owners.set(key, { kind: "new", create, rowNumber: row.rowNumber });
      continue;
    }
    const matched = hits.map((hit) => `${describe(hit.target)} (same ${hit.what})`).join(" and ");
    if (policy === "skip") {
      plan.skipped.set(row.index, `Duplicate of ${matched}.`);
      continue;
    }
    if (hits.length > 1) {
      plan.failed.set(row.index, `Matches more than one customer: ${matched}. Fix the row, or import it with "Create anyway".`);
      continue;
    }
    const target = first.target;
    if (target.kind === "existing") {
      Object.assign(target.update.set, filledPart(row));
      target.update.rowIndexes.push(row.index);
    } else {
      target.create.input = { ...target.create.input, ...filledPart(row) };
      target.create.rowIndexes.push(row.index);
      plan.notes.set(row.index, `Merged into row ${target.rowNumber} (same ${first.what}).`);
    }
    for (const { key } of keys) if (!owners.has(key)) owners.set(key, target);
  }
  plan.updates = [...updates.values()].filter((update) => update.rowIndexes.length > 0);
  return plan;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === "existing" && b.kind === "existing") return a.update === b.update;
  if (a.kind === "new" && b.kind === "new") return a.create === b.create;
  return false;
}
