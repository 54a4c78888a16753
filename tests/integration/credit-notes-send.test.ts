import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailAttachments, emailMessages } from "@/db/schema";
import { createCreditNote } from "@/lib/credit-notes/create";
import { sendCreditNote } from "@/lib/credit-notes/send";
import { getEmailMessage } from "@/lib/email/outbox";
import { outboxTransport } from "@/lib/email/transport";
import { publicPathFor } from "@/lib/invoices/public-link";
import { createTestDatabase } from "../helpers/db";
import { createFinalizedInvoice, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();

const APP_URL = "https://billing.example.test";
let world: InvoiceWorld;

beforeAll(async () => {
  world = await seedInvoiceWorld(db);
});

async function rowCounts() {
  const [emails] = await db.select({ n: count() }).from(emailMessages);
  const [files] = await db.select({ n: count() }).from(emailAttachments);
  const [audits] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "credit_note.email"));
  return { emails: emails?.n, files: files?.n, audits: audits?.n };
}

describe("sendCreditNote", () => {
  it("emails the credit note to the customer with its PDF, recorded in the outbox and audited", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const note = await createCreditNote(db, { invoiceId: invoice.id, reason: "Hosting cancelled", lines: "all", excess: "credit" }, world.actor);

    const { emailId, status } = await sendCreditNote(db, note.id, world.actor, outboxTransport, APP_URL);
    expect(status).toBe("sent");

    const message = await getEmailMessage(db, emailId);
    expect(message).toMatchObject({
      template: "credit-note",
      status: "sent",
      transport: "outbox",
      entityType: "credit_note",
      entityId: note.id,
      toAddresses: [world.customer.email],
      ccAddresses: [],
      subject: `Credit note ${note.number} from Demo Trading Ltd`,
    });
    expect(message?.html).toContain(note.number);
    expect(message?.html).toContain(invoice.number);
    expect(message?.html).toContain("$520.25");
    expect(message?.html).toContain("Hosting cancelled");
    expect(message?.html).toContain(`${APP_URL}${publicPathFor(invoice)}`);
    expect(message?.text).toContain(`We have issued credit note ${note.number} for $520.25 against invoice ${invoice.number}.`);

    expect(message?.attachments).toEqual([{ filename: `${note.number}.pdf`, contentType: "application/pdf", size: expect.any(Number) }]);
    expect(message?.attachments[0]?.size).toBeGreaterThan(1000);
    const [stored] = await db.select({ content: emailAttachments.content }).from(emailAttachments).where(eq(emailAttachments.emailMessageId, emailId));
    expect(Buffer.from(stored!.content).subarray(0, 5).toString()).toBe("%PDF-");

    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, note.id), eq(auditLog.action, "credit_note.email")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: "credit_note", actorId: world.actor.userId });
    expect(audits[0]?.after).toMatchObject({
      customerId: world.customer.id,
      invoiceId: invoice.id,
      number: note.number,
      to: [world.customer.email],
      emailId,
      attachments: [{ filename: `${note.number}.pdf`, size: message?.attachments[0]?.size }],
    });
  });

  it("refuses clearly when the customer has no email address, writing nothing", async () => {
    const invoice = await createFinalizedInvoice(db, world, {
      customerId: world.kesCustomer.id,
      currency: "KES",
      lines: [{ productId: null, description: "Delivery", unit: null, quantity: 10_000n, unitPrice: 150_000n, discountPercent: 0n, taxRateIds: [] }],
    });
    const note = await createCreditNote(db, { invoiceId: invoice.id, reason: "Not delivered", lines: "all", excess: "credit" }, world.actor);
    const before = await rowCounts();

    const error = await refusal(sendCreditNote(db, note.id, world.actor, outboxTransport, APP_URL));
    expect(error.message).toBe(`${world.kesCustomer.displayName} has no email address: add one to the customer before sending credit note ${note.number}.`);
    expect(await rowCounts()).toEqual(before);
    expect(await db.select().from(emailMessages).where(eq(emailMessages.entityId, note.id))).toEqual([]);
  });

  it("refuses an unknown or malformed credit note id", async () => {
    const before = await rowCounts();
    expect((await refusal(sendCreditNote(db, "not-a-uuid", world.actor, outboxTransport, APP_URL))).message).toBe("That credit note does not exist.");
    expect((await refusal(sendCreditNote(db, "00000000-0000-4000-8000-000000000000", world.actor, outboxTransport, APP_URL))).message).toBe("That credit note does not exist.");
    expect(await rowCounts()).toEqual(before);
  });
});
