import { describe, expect, it } from "vitest";
import { BULK_APPLIES, failureLines, runInChunks, summarize } from "@/components/invoices/list/bulk-runner";
import type { BulkOutcome } from "@/lib/invoices/bulk";

const ids = ["a", "b", "c", "d", "e"];

describe("runInChunks", () => {
  it("sends the ids chunk by chunk, in order, reporting progress after each", async () => {
    const calls: string[][] = [];
    const progress: number[] = [];
    const outcomes = await runInChunks(
      ids,
      2,
      async (chunk) => {
        calls.push(chunk);
        return { ok: true, data: chunk.map((id): BulkOutcome => (id === "c" ? { id, ok: false, error: "Already sent." } : { id, ok: true })) };
      },
      (done) => progress.push(done),
    );
    expect(calls).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(progress).toEqual([2, 4, 5]);
    expect(summarize(outcomes, (id) => id.toUpperCase())).toEqual({ done: 4, failures: [{ label: "C", error: "Already sent." }] });
  });

  it("counts a chunk the server refused, or could not answer, as failed with the reason, and goes on", async () => {
    let call = 0;
    const outcomes = await runInChunks(
      ids,
      2,
      async (chunk) => {
        call += 1;
        if (call === 1) return { ok: false, error: "Your session has ended. Sign in again." };
        if (call === 2) throw new TypeError("Failed to fetch");
        return { ok: true, data: chunk.map((id): BulkOutcome => ({ id, ok: true })) };
      },
      () => {},
    );
    expect(outcomes).toEqual([
      { id: "a", ok: false, error: "Your session has ended. Sign in again." },
      { id: "b", ok: false, error: "Your session has ended. Sign in again." },
      { id: "c", ok: false, error: "The server could not be reached." },
      { id: "d", ok: false, error: "The server could not be reached." },
      { id: "e", ok: true },
    ]);
  });
});

describe("failureLines", () => {
  it("lists the first failures and counts the rest", () => {
    const failures = Array.from({ length: 7 }, (_, i) => ({ label: `INV-${i}`, error: "Refused." }));
    expect(failureLines(failures, 2)).toBe("INV-0: Refused.\nINV-1: Refused.\n…and 5 more.");
  });
});

describe("BULK_APPLIES", () => {
  it("offers each action only for the statuses it can change", () => {
    expect(BULK_APPLIES.finalize("draft")).toBe(true);
    expect(BULK_APPLIES.finalize("sent")).toBe(false);
    expect(BULK_APPLIES.send("draft")).toBe(false);
    expect(BULK_APPLIES.send("void")).toBe(false);
    expect(BULK_APPLIES.send("paid")).toBe(true);
    expect((["draft", "paid", "void"] as const).some((status) => BULK_APPLIES.void(status))).toBe(false);
    expect(BULK_APPLIES.void("partial")).toBe(true);
  });
});
