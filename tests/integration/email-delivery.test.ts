import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { emailMessages } from "@/db/schema";
import PasswordResetEmail from "@/emails/password-reset";
import { deliverEmail, queueEmail, sendEmail } from "@/lib/email/send";
import { outboxTransport, resendTransport } from "@/lib/email/transport";
import { startFakeResend } from "../fakes/resend";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
const resend = await startFakeResend();
afterAll(() => resend.close());

const message = (to: string) => ({
  template: "password-reset",
  to: [to],
  subject: "Reset your password",
  body: PasswordResetEmail({ name: "Ada", companyName: "Demo Trading Ltd", resetUrl: "http://localhost:3000/reset-password/abc123", expiresInMinutes: 60 }),
});

async function row(id: string) {
  const [found] = await db.select().from(emailMessages).where(eq(emailMessages.id, id));
  if (!found) throw new Error("no row");
  return found;
}

describe("email delivery", () => {
  it("keeps the message in the outbox when no provider is configured", async () => {
    const { id, status } = await sendEmail(db, message("ada@example.com"), outboxTransport);
    expect(status).toBe("sent");
    const saved = await row(id);
    expect(saved).toMatchObject({ transport: "outbox", status: "sent", toAddresses: ["ada@example.com"], providerMessageId: null });
    expect(saved.html).toContain("http://localhost:3000/reset-password/abc123");
    expect(saved.text).toContain("http://localhost:3000/reset-password/abc123");
  });

  it("sends through Resend and records the provider's id", async () => {
    const { id, status } = await sendEmail(db, message("bob@example.com"), resendTransport(resend.apiKey, resend.baseUrl));
    expect(status).toBe("sent");
    const saved = await row(id);
    const delivered = resend.received.find((email) => email.body.to.includes("bob@example.com"));
    expect(delivered?.body.subject).toBe("Reset your password");
    expect(delivered?.idempotencyKey).toBe(`email-${id}`);
    expect(saved.providerMessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.transport).toBe("resend");
  });

  it("records a provider failure and delivers once on retry, without a duplicate", async () => {
    const transport = resendTransport(resend.apiKey, resend.baseUrl);
    const id = await queueEmail(db, message("carol@example.com"), transport);
    resend.failNext(1);
    expect(await deliverEmail(db, id, transport)).toBe("failed");
    expect((await row(id)).error).toMatch(/Resend refused the message/);

    expect(await deliverEmail(db, id, transport)).toBe("sent");
    expect(await deliverEmail(db, id, transport)).toBe("sent"); // already sent: not handed over again
    expect(resend.received.filter((email) => email.body.to.includes("carol@example.com"))).toHaveLength(1);
    expect((await row(id)).error).toBeNull();
  });

  it("fails with a clear error when the API key is wrong", async () => {
    const { id, status } = await sendEmail(db, message("dan@example.com"), resendTransport("re_wrong", resend.baseUrl));
    expect(status).toBe("failed");
    expect((await row(id)).error).toMatch(/API key is invalid/);
  });
});
