import { Resend } from "resend";
import { env } from "@/lib/env";

/** A file sent with a message. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface RenderedEmail {
  id: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
}

export interface EmailTransport {
  name: "outbox" | "resend";
  /** Returns the provider's message id; throws when the provider refused or could not be reached. */
  send(email: RenderedEmail): Promise<string | null>;
}

/** No provider configured: the row in email_messages is the delivery, read at /admin/outbox. */
export const outboxTransport: EmailTransport = {
  name: "outbox",
  send: async () => null,
};

export function resendTransport(apiKey: string, baseUrl: string): EmailTransport {
  const client = new Resend(apiKey, { baseUrl });
  return {
    name: "resend",
    async send(email) {
      const { data, error } = await client.emails.send(
        {
          from: email.from,
          to: email.to,
          cc: email.cc.length ? email.cc : undefined,
          subject: email.subject,
          html: email.html,
          text: email.text,
          // Resend's API takes the bytes as base64
          attachments: email.attachments.length
            ? email.attachments.map((file) => ({
                filename: file.filename,
                contentType: file.contentType,
                content: Buffer.from(file.content).toString("base64"),
              }))
            : undefined,
        },
        // our row id: a retried send is not delivered twice
        { idempotencyKey: `email-${email.id}` },
      );
      if (error || !data) throw new Error(`Resend refused the message: ${error?.message ?? "no response"}`);
      return data.id;
    },
  };
}

export function transportFromEnv(): EmailTransport {
  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  return RESEND_API_KEY ? resendTransport(RESEND_API_KEY, RESEND_BASE_URL) : outboxTransport;
}
