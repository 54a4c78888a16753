import { describe, expect, it } from "vitest";
import { handleResendWebhook } from "@/lib/webhooks/resend";
import { signResendWebhook } from "../fakes/resend";
import { createTestDatabase } from "../helpers/db";
import { createResendWebhookTestbed, resendEvent } from "../helpers/resend-webhook";

const { db } = await createTestDatabase();
const { secret, sentMessage, statusOf } = await createResendWebhookTestbed(db);

describe("Resend webhook: concurrency (PostgreSQL)", () => {
  it("applies an event delivered many times at once exactly once", async () => {
    const message = await sentMessage("race@example.com");
    const signed = signResendWebhook(secret, resendEvent("email.opened", message.providerId));
    const results = await Promise.all(Array.from({ length: 5 }, () => handleResendWebhook(db, secret, signed.body, signed.headers)));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((result) => result.body.result === "processed")).toHaveLength(1);
    expect((await statusOf(message.id))?.status).toBe("opened");
  });
});
