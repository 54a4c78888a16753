import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { actionSamples } from "../security/action-samples";
import { callAction, carried, describeLog, GENERIC_FAILURE, leakedMarkers, NO_PERMISSION, prototypePolluted, SESSION_ENDED, type ActionOutcome, type Observed } from "../security/calls";
import { mutatedInput, stringify } from "../security/hostile";
import { accessAllows, AUDIENCES, UNWRAPPED_ACTIONS, WRITES_ON_REFUSAL, type Audience } from "../security/policy";
import { loadActions, type ActionTarget } from "../security/targets";
import { createSecurityWorld, idPool } from "../security/world";

// Every server action, as every audience, with random and hostile input grown from its plausible
// sample: no crash, no 500 ("Something went wrong"), no console.error, a refusal writes nothing,
// and nobody outside the staff ever reads a customer that is not theirs.

vi.mock("@/lib/auth", async (original) => (await import("../helpers/request-context")).withFakeSession(await original()));
vi.mock("next/headers", async (original) => (await import("../helpers/request-context")).withFakeHeaders(await original()));
vi.mock("next/cache", async (original) => (await import("../helpers/request-context")).withoutCache(await original()));

/**
 * Runs per action for an audience it serves; one it refuses is turned away before the input is
 * read. SECURITY_FUZZ_RUNS=200 digs deeper (minutes instead of seconds).
 */
const NUM_RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 20);
const REFUSED_RUNS = 4;
/** Actions that render PDFs or send mail on a valid input: fewer runs keep the file fast. */
const HEAVY: Readonly<Record<string, number>> = {
  "app/(staff)/invoices/bulk-actions.ts#bulkSend": 8,
  "app/(staff)/invoices/[id]/send-actions.ts#sendInvoiceAction": 10,
  "app/(staff)/invoices/[id]/credit-note-actions.ts#sendCreditNoteAction": 10,
  "app/(auth)/login/actions.ts#loginAction": 10,
};

const world = await createSecurityWorld();
const actions = await loadActions();
const samples = actionSamples(world);

function checkAction(action: ActionTarget, audience: Audience, input: unknown, seen: Observed<ActionOutcome>) {
  const { outcome, writes, consoleErrors } = seen;
  const unwrapped = UNWRAPPED_ACTIONS[action.id];
  const access = action.access ?? unwrapped?.access;
  if (!access) throw new Error(`${action.id} has no gate: see security-inventory`);
  expect(consoleErrors.map(describeLog)).toEqual([]);
  expect(prototypePolluted()).toEqual([]);

  if (unwrapped) {
    // a plain form action: signing out ends in a redirect to the login page, whatever was posted
    expect(outcome.kind === "redirect" ? new URL(outcome.location, "http://localhost").pathname : outcome).toBe("/login");
    if (audience === "anonymous") expect(writes).toEqual([]);
    return;
  }
  if (outcome.kind !== "result") throw new Error(`threw instead of answering: ${String(outcome.kind === "threw" ? outcome.error : outcome.kind)}`);
  const result = outcome.result as { ok?: unknown; error?: unknown };
  expect(typeof result.ok).toBe("boolean");
  if (!accessAllows(access, audience)) expect(result).toEqual({ ok: false, error: audience === "anonymous" ? SESSION_ENDED : NO_PERMISSION });
  if (result.ok === false) {
    expect(typeof result.error).toBe("string");
    expect(result.error).not.toBe(GENERIC_FAILURE);
    const allowed = WRITES_ON_REFUSAL[action.id] ?? [];
    expect(writes.filter((write) => !allowed.includes(write.table))).toEqual([]);
  }
  if (audience === "anonymous" || audience === "customer") expect(leakedMarkers(world, stringify(result), carried(input))).toEqual([]);
}

describe.each(actions.map((action) => [action.id, action] as const))("%s", (_id, action) => {
  const seed = samples[action.id];
  const access = action.access ?? UNWRAPPED_ACTIONS[action.id]?.access;
  for (const audience of AUDIENCES) {
    const served = access !== undefined && accessAllows(access, audience);
    const runs = served ? (HEAVY[action.id] ?? NUM_RUNS) : REFUSED_RUNS;
    it(`as ${audience}: ${served ? "no crash, no 500, no write on refusal, no leak" : "refused, writes nothing"}`, async () => {
      expect(seed, `no sample input for ${action.id}`).toBeDefined();
      await fc.assert(
        fc.asyncProperty(mutatedInput(seed, idPool(world, audience)), async (input) => {
          checkAction(action, audience, input, await callAction(world, action, audience, input));
        }),
        { numRuns: runs },
      );
    }, 30_000 + runs * 1_000);
  }
});

// What the fuzz found, pinned: a U+0000 in any text reached PostgreSQL and came back as the 500.
describe("a NUL character in an action's input", () => {
  it("is a field error at its path, before anything runs", async () => {
    const search = actions.find((action) => action.name === "searchReportCustomersAction");
    const note = actions.find((action) => action.name === "addNoteAction");
    if (!search || !note) throw new Error("the actions are gone");
    const form = new FormData();
    form.set("q", "a\u0000b");
    for (const [action, input, field] of [
      [search, { q: "\u0000" }, "q"],
      [search, form, "q"],
      [note, { customerId: world.a.customer.id, body: "ok\u0000" }, "body"],
    ] as const) {
      const { outcome, writes } = await callAction(world, action, "finance", input);
      expect(outcome).toMatchObject({ kind: "result", result: { ok: false, fieldErrors: { [field]: [expect.stringContaining("U+0000")] } } });
      expect(writes).toEqual([]);
    }
  });
});
