import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll } from "vitest";
import type { Db } from "@/db";
import { emailMessages } from "@/db/schema";
import PasswordResetEmail from "@/emails/password-reset";
import { sendEmail } from "@/lib/email/send";
import { resendTransport } from "@/lib/email/transport";
import { startFakeResend } from "../fakes/resend";

/** A Resend webhook event about one message, shaped as the gateway posts it. */
export const resendEvent = (type: string, emailId: string, extra: Record<string, unknown> = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, from: "billing@demo.test", to: ["a@example.com"], subject: "Reset", ...extra },
});

/**
 * What the Resend webhook test files share: a fake Resend (closed after the file), a fresh signing
 * secret, a way to send a real message through it, and the message's stored status.
 */
export async function createResendWebhookTestbed(db: Db) {
  const resend = await startFakeResend();
  afterAll(() => resend.close());
  const secret = `whsec_${randomBytes(24).toString("base64")}`;

  /** A real message sent through the fake Resend: returns our row id and Resend's id. */
  async function sentMessage(to: string) {
    const { id } = await sendEmail(
      db,
      { template: "password-reset", to: [to], subject: "Reset", body: PasswordResetEmail({ name: "Ada", companyName: "Demo", resetUrl: "http://x.test/r", expiresInMinutes: 60 }) },
      resendTransport(resend.apiKey, resend.baseUrl),
    );
    const [row] = await db.select().from(emailMessages).where(eq(emailMessages.id, id));
    if (!row?.providerMessageId) throw new Error("not sent");
    return { id, providerId: row.providerMessageId };
  }

  async function statusOf(id: string) {
    const [row] = await db.select({ status: emailMessages.status, error: emailMessages.error }).from(emailMessages).where(eq(emailMessages.id, id));
    return row;
  }

  return { secret, sentMessage, statusOf };
}
