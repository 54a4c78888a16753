import { describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { getWebhookEvent, listWebhookEvents, prettyPayload, WEBHOOK_LOG_PAGE_SIZE, webhookLogQuerySchema, webhookStatus } from "@/lib/webhooks/log";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 12, minute));

// one row of each status per gateway, received a minute apart (stripe first)
const fixtures = [
  { gateway: "stripe", eventId: "evt_received", minute: 1, processed: false, outcome: null, error: null, expect: "received" },
  { gateway: "stripe", eventId: "evt_failed", minute: 2, processed: false, outcome: null, error: "deadlock detected", expect: "failed" },
  { gateway: "stripe", eventId: "evt_applied", minute: 3, processed: true, outcome: "applied", error: null, expect: "processed" },
  { gateway: "stripe", eventId: "evt_ignored", minute: 4, processed: true, outcome: "ignored", error: null, expect: "processed" },
  { gateway: "stripe", eventId: "evt_held", minute: 5, processed: true, outcome: "held", error: null, expect: "held" },
  { gateway: "paypal", eventId: "WH-received", minute: 6, processed: false, outcome: null, error: null, expect: "received" },
  { gateway: "paypal", eventId: "WH-failed", minute: 7, processed: false, outcome: null, error: "timeout", expect: "failed" },
  { gateway: "paypal", eventId: "WH-held", minute: 8, processed: true, outcome: "held", error: null, expect: "held" },
  // processed by the older code path, before outcomes were recorded; a retry that then succeeded keeps no error
  { gateway: "resend", eventId: "msg_1", minute: 9, processed: true, outcome: null, error: null, expect: "processed" },
] as const;

await db.insert(webhookEvents).values(
  fixtures.map((row) => ({
    gateway: row.gateway,
    eventId: row.eventId,
    type: "checkout.session.completed",
    payload: { id: row.eventId, data: { object: { amount_total: 1000 } } },
    receivedAt: at(row.minute),
    processedAt: row.processed ? at(row.minute + 1) : null,
    outcome: row.outcome,
    heldReason: row.outcome === "held" ? "amount 1000 USD, expected 1200 USD" : null,
    attempts: row.error ? 3 : 1,
    error: row.error,
  })),
);

const ids = async (query: Record<string, string>) => (await listWebhookEvents(db, webhookLogQuerySchema.parse(query))).rows.map((row) => row.eventId);

describe("listWebhookEvents", () => {
  it("lists every event newest first, with its derived status", async () => {
    const list = await listWebhookEvents(db, webhookLogQuerySchema.parse({}));
    expect(list.total).toBe(fixtures.length);
    expect(list.rows.map((row) => row.eventId)).toEqual([...fixtures].reverse().map((row) => row.eventId));
    for (const row of list.rows) expect(row.status).toBe(fixtures.find((f) => f.eventId === row.eventId)?.expect);
  });

  it("filters by status: each status partitions the rows", async () => {
    expect(await ids({ status: "received" })).toEqual(["WH-received", "evt_received"]);
    expect(await ids({ status: "failed" })).toEqual(["WH-failed", "evt_failed"]);
    expect(await ids({ status: "processed" })).toEqual(["msg_1", "evt_ignored", "evt_applied"]);
    expect(await ids({ status: "held" })).toEqual(["WH-held", "evt_held"]);
  });

  it("filters by gateway, alone and with a status", async () => {
    expect(await ids({ gateway: "paypal" })).toEqual(["WH-held", "WH-failed", "WH-received"]);
    expect(await ids({ gateway: "stripe", status: "held" })).toEqual(["evt_held"]);
    expect(await ids({ gateway: "resend", status: "failed" })).toEqual([]);
  });

  it("ignores filters it does not know, as the URL may carry anything", async () => {
    const query = webhookLogQuerySchema.parse({ gateway: "square", status: "lost", page: "-3" });
    expect(query).toEqual({ gateway: undefined, status: undefined, page: 1 });
    expect((await listWebhookEvents(db, query)).total).toBe(fixtures.length);
  });

  it("pages past the page size, newest first across pages", async () => {
    const extra = Array.from({ length: WEBHOOK_LOG_PAGE_SIZE }, (_, i) => ({
      gateway: "paypal",
      eventId: `WH-bulk-${i}`,
      type: "PAYMENT.CAPTURE.COMPLETED",
      payload: {},
      receivedAt: new Date(at(0).getTime() - (i + 1) * 1000),
    }));
    await db.insert(webhookEvents).values(extra);
    const first = await listWebhookEvents(db, webhookLogQuerySchema.parse({ gateway: "paypal" }));
    const second = await listWebhookEvents(db, webhookLogQuerySchema.parse({ gateway: "paypal", page: "2" }));
    expect(first).toMatchObject({ total: 3 + WEBHOOK_LOG_PAGE_SIZE, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(WEBHOOK_LOG_PAGE_SIZE);
    expect(second.rows.map((row) => row.eventId)).toEqual(["WH-bulk-47", "WH-bulk-48", "WH-bulk-49"]);
    // asking past the end shows the last page
    expect((await listWebhookEvents(db, webhookLogQuerySchema.parse({ gateway: "paypal", page: "9" }))).page).toBe(2);
  });
});

describe("getWebhookEvent", () => {
  it("returns one event with its payload and status; null for unknown or malformed ids", async () => {
    const [held] = (await listWebhookEvents(db, webhookLogQuerySchema.parse({ gateway: "stripe", status: "held" }))).rows;
    const event = await getWebhookEvent(db, held!.id);
    expect(event).toMatchObject({ eventId: "evt_held", status: "held", heldReason: "amount 1000 USD, expected 1200 USD" });
    expect(prettyPayload(event?.payload)).toBe(JSON.stringify({ id: "evt_held", data: { object: { amount_total: 1000 } } }, null, 2));
    expect(await getWebhookEvent(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getWebhookEvent(db, "not-an-id")).toBeNull();
  });

  it("derives held before processed, and failed only while unprocessed", () => {
    expect(webhookStatus({ processedAt: null, outcome: "held", error: null })).toBe("held");
    expect(webhookStatus({ processedAt: new Date(), outcome: null, error: "old error" })).toBe("processed");
    expect(webhookStatus({ processedAt: null, outcome: null, error: "boom" })).toBe("failed");
  });
});
