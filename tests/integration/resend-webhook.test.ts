import { randomBytes } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { handleResendWebhook, statusesBelow } from "@/lib/webhooks/resend";
import { signResendWebhook } from "../fakes/resend";
import { createTestDatabase } from "../helpers/db";
import { createResendWebhookTestbed, resendEvent } from "../helpers/resend-webhook";

const { db } = await createTestDatabase();
const { secret, sentMessage, statusOf } = await createResendWebhookTestbed(db);

async function deliver(payload: unknown, options: { id?: string } = {}) {
  const signed = signResendWebhook(secret, payload, options);
  return { ...(await handleResendWebhook(db, secret, signed.body, signed.headers)), eventId: signed.id };
}

async function eventRows() {
  const [row] = await db.select({ n: count() }).from(webhookEvents);
  return row?.n ?? 0;
}

describe("Resend webhook: signature", () => {
  let message: { id: string; providerId: string };
  beforeAll(async () => {
    message = await sentMessage("sig@example.com");
  });

  it("refuses a bad signature, a tampered body and missing headers with 400 and writes nothing", async () => {
    const before = await eventRows();
    const wrongKey = signResendWebhook(`whsec_${randomBytes(24).toString("base64")}`, resendEvent("email.delivered", message.providerId));
    expect((await handleResendWebhook(db, secret, wrongKey.body, wrongKey.headers)).status).toBe(400);

    const signed = signResendWebhook(secret, resendEvent("email.delivered", message.providerId));
    const tampered = signed.body.replace("email.delivered", "email.bounced");
    expect((await handleResendWebhook(db, secret, tampered, signed.headers)).status).toBe(400);

    expect((await handleResendWebhook(db, secret, signed.body, new Headers())).status).toBe(400);

    const stale = signResendWebhook(secret, resendEvent("email.delivered", message.providerId), { timestamp: new Date(Date.now() - 60 * 60 * 1000) });
    expect((await handleResendWebhook(db, secret, stale.body, stale.headers)).status).toBe(400);

    expect(await eventRows()).toBe(before);
    expect((await statusOf(message.id))?.status).toBe("sent");
  });

  it("answers 503 and writes nothing while no signing secret is configured", async () => {
    const signed = signResendWebhook(secret, resendEvent("email.delivered", message.providerId));
    const before = await eventRows();
    expect((await handleResendWebhook(db, undefined, signed.body, signed.headers)).status).toBe(503);
    expect(await eventRows()).toBe(before);
  });

  it("refuses a signed body that is not a Resend event", async () => {
    const before = await eventRows();
    expect((await deliver({ hello: "world" })).status).toBe(400);
    expect(await eventRows()).toBe(before);
  });
});

describe("Resend webhook: statuses", () => {
  it("records delivered once; a replay of the same event is a no-op", async () => {
    const message = await sentMessage("replay@example.com");
    const first = await deliver(resendEvent("email.delivered", message.providerId));
    expect(first).toMatchObject({ status: 200, body: { result: "processed" } });
    expect((await statusOf(message.id))?.status).toBe("delivered");

    const replay = await deliver(resendEvent("email.delivered", message.providerId), { id: first.eventId });
    expect(replay).toMatchObject({ status: 200, body: { result: "duplicate" } });
    const rows = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, first.eventId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ gateway: "resend", type: "email.delivered", error: null });
    expect(rows[0]?.processedAt).toBeInstanceOf(Date);
  });

  it("never moves backwards: opened before delivered stays opened", async () => {
    const message = await sentMessage("order@example.com");
    expect((await deliver(resendEvent("email.opened", message.providerId))).status).toBe(200);
    expect((await deliver(resendEvent("email.delivered", message.providerId))).status).toBe(200);
    expect((await deliver(resendEvent("email.delivery_delayed", message.providerId))).status).toBe(200);
    expect((await statusOf(message.id))?.status).toBe("opened");
  });

  it("moves delayed → delivered → opened in order", async () => {
    const message = await sentMessage("delay@example.com");
    await deliver(resendEvent("email.delivery_delayed", message.providerId));
    expect((await statusOf(message.id))?.status).toBe("delayed");
    await deliver(resendEvent("email.delivered", message.providerId));
    expect((await statusOf(message.id))?.status).toBe("delivered");
    await deliver(resendEvent("email.opened", message.providerId));
    expect((await statusOf(message.id))?.status).toBe("opened");
  });

  it("keeps bounced (with the reason) and complained final", async () => {
    const bounced = await sentMessage("bounce@example.com");
    await deliver(resendEvent("email.bounced", bounced.providerId, { bounce: { message: "Mailbox does not exist", type: "Permanent" } }));
    await deliver(resendEvent("email.opened", bounced.providerId));
    await deliver(resendEvent("email.complained", bounced.providerId));
    expect(await statusOf(bounced.id)).toEqual({ status: "bounced", error: "Mailbox does not exist" });

    const complained = await sentMessage("complain@example.com");
    await deliver(resendEvent("email.opened", complained.providerId));
    await deliver(resendEvent("email.complained", complained.providerId));
    await deliver(resendEvent("email.delivered", complained.providerId));
    expect((await statusOf(complained.id))?.status).toBe("complained");
  });

  it("records events about unknown messages and other types, and answers 200", async () => {
    const unknown = await deliver(resendEvent("email.delivered", "00000000-0000-4000-8000-00000000dead"));
    expect(unknown).toMatchObject({ status: 200, body: { result: "processed" } });
    const clicked = await deliver(resendEvent("email.clicked", "whatever", { click: { link: "https://x.test" } }));
    expect(clicked.status).toBe(200);
    const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, clicked.eventId));
    expect(row?.payload).toMatchObject({ type: "email.clicked", data: { click: { link: "https://x.test" } } });
  });

  it("lists the statuses an event may replace", () => {
    expect(statusesBelow("delivered").sort()).toEqual(["delayed", "failed", "queued", "sent"]);
    expect(statusesBelow("bounced")).not.toContain("complained");
  });
});

describe("Resend webhook: processing failure", () => {
  it("answers 500, keeps the error on the event, and applies the event on the gateway's retry", async () => {
    const message = await sentMessage("boom@example.com");
    // a fault in the database while the event is applied
    await db.execute(sql`create function reject_email_update() returns trigger language plpgsql as $$ begin raise exception 'simulated outage'; end $$`);
    await db.execute(sql`create trigger reject_email_update before update on email_messages for each row execute function reject_email_update()`);

    let failed;
    try {
      failed = await deliver(resendEvent("email.delivered", message.providerId));
    } finally {
      await db.execute(sql`drop trigger reject_email_update on email_messages`);
    }
    expect(failed.status).toBe(500);
    const [kept] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, failed.eventId));
    expect(kept?.processedAt).toBeNull();
    expect(kept?.error).toBe("simulated outage");
    expect((await statusOf(message.id))?.status).toBe("sent");

    const retried = await deliver(resendEvent("email.delivered", message.providerId), { id: failed.eventId });
    expect(retried).toMatchObject({ status: 200, body: { result: "processed" } });
    expect((await statusOf(message.id))?.status).toBe("delivered");
    const [done] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, failed.eventId));
    expect(done).toMatchObject({ error: null });
    expect(done?.processedAt).toBeInstanceOf(Date);
  });
});
