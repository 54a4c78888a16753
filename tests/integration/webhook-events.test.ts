import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { receiveWebhookEvent, registerWebhookApplier, replayWebhookEvent } from "@/lib/webhooks/events";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();

const rowOf = async (eventId: string) => (await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, eventId)))[0];

describe("receiveWebhookEvent", () => {
  it("applies once, runs after-commit steps once, and counts attempts", async () => {
    let applied = 0;
    const delivered: string[] = [];
    const event = { gateway: "test", eventId: "evt_once", type: "thing.happened", payload: { n: 1 } };
    const apply = async (_tx: unknown, effects: { afterCommit(fn: () => Promise<void>): void }) => {
      applied += 1;
      effects.afterCommit(async () => void delivered.push("receipt"));
    };
    expect(await receiveWebhookEvent(db, event, apply)).toBe("processed");
    expect(await receiveWebhookEvent(db, event, apply)).toBe("duplicate");
    expect(applied).toBe(1);
    expect(delivered).toEqual(["receipt"]);
    expect(await rowOf("evt_once")).toMatchObject({ outcome: "applied", attempts: 1, error: null });
  });

  it("keeps the error and skips after-commit steps when applying fails; the retry succeeds", async () => {
    const delivered: string[] = [];
    let fail = true;
    const event = { gateway: "test", eventId: "evt_retry", type: "thing.happened", payload: {} };
    const apply = async (_tx: unknown, effects: { afterCommit(fn: () => Promise<void>): void }) => {
      effects.afterCommit(async () => void delivered.push("mail"));
      if (fail) throw new Error("invoice is locked elsewhere");
    };
    await expect(receiveWebhookEvent(db, event, apply)).rejects.toThrow("locked elsewhere");
    expect(await rowOf("evt_retry")).toMatchObject({ processedAt: null, error: "invoice is locked elsewhere", attempts: 1 });
    expect(delivered).toEqual([]);
    fail = false;
    expect(await receiveWebhookEvent(db, event, apply)).toBe("processed");
    expect(await rowOf("evt_retry")).toMatchObject({ error: null, attempts: 2, outcome: "applied" });
    expect(delivered).toEqual(["mail"]);
  });

  it("records held and ignored outcomes", async () => {
    await receiveWebhookEvent(db, { gateway: "test", eventId: "evt_held", type: "x", payload: {} }, async (_tx, effects) => effects.hold("amount differs"));
    await receiveWebhookEvent(db, { gateway: "test", eventId: "evt_ignored", type: "x", payload: {} }, async (_tx, effects) => effects.ignore());
    expect(await rowOf("evt_held")).toMatchObject({ outcome: "held", heldReason: "amount differs" });
    expect(await rowOf("evt_ignored")).toMatchObject({ outcome: "ignored", heldReason: null });
  });
});

describe("replayWebhookEvent", () => {
  it("runs the stored payload through the gateway's applier again", async () => {
    const seen: unknown[] = [];
    registerWebhookApplier("replayable", async (_tx, payload) => void seen.push(payload));
    await receiveWebhookEvent(db, { gateway: "replayable", eventId: "evt_r", type: "x", payload: { amount: 5 } }, async () => {
      throw new Error("first try fails");
    }).catch(() => undefined);
    const row = await rowOf("evt_r");
    if (!row) throw new Error("event row missing");
    expect(await replayWebhookEvent(db, row.id)).toBe("processed");
    expect(seen).toEqual([{ amount: 5 }]);
    expect(await rowOf("evt_r")).toMatchObject({ outcome: "applied", error: null, attempts: 2 });
  });

  it("keeps an applied event's outcome when a replay finds nothing left to do", async () => {
    registerWebhookApplier("guarded", async (_tx, _payload, effects) => effects.ignore());
    await receiveWebhookEvent(db, { gateway: "guarded", eventId: "evt_g", type: "x", payload: {} }, async () => undefined);
    const row = await rowOf("evt_g");
    if (!row) throw new Error("event row missing");
    expect(await replayWebhookEvent(db, row.id)).toBe("processed");
    expect(await rowOf("evt_g")).toMatchObject({ outcome: "applied", attempts: 2 });
  });

  it("writes no error on a row that is already processed (a late failing copy leaves it as it was)", async () => {
    registerWebhookApplier("flaky", async () => {
      throw new Error("late copy failed");
    });
    await receiveWebhookEvent(db, { gateway: "flaky", eventId: "evt_f", type: "x", payload: {} }, async () => undefined);
    const row = await rowOf("evt_f");
    if (!row) throw new Error("event row missing");
    await expect(replayWebhookEvent(db, row.id)).rejects.toThrow("late copy failed");
    expect(await rowOf("evt_f")).toMatchObject({ outcome: "applied", error: null, attempts: 1 });
  });

  it("refuses an event of a gateway nobody registered, and an unknown id", async () => {
    await receiveWebhookEvent(db, { gateway: "nobody", eventId: "evt_n", type: "x", payload: {} }, async () => undefined);
    const row = await rowOf("evt_n");
    if (!row) throw new Error("event row missing");
    await expect(replayWebhookEvent(db, row.id)).rejects.toThrow("cannot be replayed");
    await expect(replayWebhookEvent(db, "00000000-0000-4000-8000-000000000000")).rejects.toThrow("no longer exists");
  });
});
