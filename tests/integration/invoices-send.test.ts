import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, customers, emailAttachments, emailMessages, type Invoice } from "@/db/schema";
import { getEmailMessage } from "@/lib/email/outbox";
import { outboxTransport, resendTransport } from "@/lib/email/transport";
import { createDraft } from "@/lib/invoices/drafts";
import { voidInvoice } from "@/lib/invoices/lifecycle";
import { publicPathFor } from "@/lib/invoices/public-link";
import { invoiceEmailHistory, sendDefaults, sendInvoice, sendInvoiceWithDefaults } from "@/lib/invoices/send";
import type { SendInvoiceInput } from "@/lib/invoices/send-schemas";
import { startFakeResend } from "../fakes/resend";
import { createTestDatabase } from "../helpers/db";
import { readInvoice } from "../helpers/invoice-rows";
import { createFinalizedInvoice, draftInput, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();
const resend = await startFakeResend();
afterAll(() => resend.close());

const APP_URL = "https://billing.example.test";
let world: InvoiceWorld;

beforeAll(async () => {
  world = await seedInvoiceWorld(db);
});

async function emailCount() {
  const [row] = await db.select({ n: count() }).from(emailMessages);
  return row?.n ?? 0;
}

const input = (invoice: Invoice, overrides: Partial<SendInvoiceInput> = {}): SendInvoiceInput => ({
  invoiceId: invoice.id,
  kind: "send",
  to: [world.customer.email ?? ""],
  cc: [],
  subject: `Invoice ${invoice.number}`,
  message: "Hello,\n\nPlease find the invoice.\nThanks",
  attachPdf: false,
  ...overrides,
});

describe("sendDefaults", () => {
  it("offers the customer's addresses and words the subject and message per kind", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    await db.update(customers).set({ secondaryEmail: "ap@acme.test" }).where(eq(customers.id, world.customer.id));
    const send = await sendDefaults(db, invoice.id, "send");
    expect(send.to).toEqual([world.customer.email, "ap@acme.test"]);
    expect(send.subject).toBe(`Invoice ${invoice.number} from Demo Trading Ltd`);
    expect(send.message).toContain(`invoice ${invoice.number} for $520.25`);
    expect(send.attachPdf).toBe(true);

    const reminder = await sendDefaults(db, invoice.id, "reminder");
    expect(reminder.subject).toBe(`Reminder: invoice ${invoice.number} is due`);
    expect(reminder.message).toMatch(/friendly reminder/);
    await db.update(customers).set({ secondaryEmail: null }).where(eq(customers.id, world.customer.id));
  });

  it("refuses a draft and a void invoice", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    expect((await refusal(sendDefaults(db, id, "send"))).message).toBe("Finalize the invoice before sending it.");
    const voided = await createFinalizedInvoice(db, world);
    await voidInvoice(db, voided.id, "Raised in error", world.actor);
    expect((await refusal(sendDefaults(db, voided.id, "send"))).message).toMatch(/is void/);
  });
});

describe("sendInvoice", () => {
  it("moves a finalized invoice to sent once, records the email with the public link and the PDF, and audits it", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const { emailId, status } = await sendInvoice(db, input(invoice, { cc: ["boss@acme.test"], attachPdf: true }), world.actor, outboxTransport, APP_URL);
    expect(status).toBe("sent");

    const after = await readInvoice(db, invoice.id);
    expect(after.status).toBe("sent");
    expect(after.sentAt).toBeInstanceOf(Date);

    const message = await getEmailMessage(db, emailId);
    expect(message).toMatchObject({
      template: "invoice",
      status: "sent",
      transport: "outbox",
      entityType: "invoice",
      entityId: invoice.id,
      toAddresses: [world.customer.email],
      ccAddresses: ["boss@acme.test"],
    });
    expect(message?.html).toContain(`${APP_URL}${publicPathFor(invoice)}`);
    expect(message?.html).toContain("$520.25");
    expect(message?.text).toContain("Please find the invoice.");
    expect(message?.attachments).toEqual([{ filename: `${invoice.number}.pdf`, contentType: "application/pdf", size: expect.any(Number) }]);
    expect(message?.attachments[0]?.size).toBeGreaterThan(1000);
    const [stored] = await db.select({ content: emailAttachments.content }).from(emailAttachments).where(eq(emailAttachments.emailMessageId, emailId));
    expect(Buffer.from(stored!.content).subarray(0, 5).toString()).toBe("%PDF-");

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, "invoice.email")));
    expect(audit?.after).toMatchObject({
      customerId: world.customer.id,
      kind: "send",
      to: [world.customer.email],
      cc: ["boss@acme.test"],
      emailId,
      attachments: [{ filename: `${invoice.number}.pdf` }],
    });
    const sentAudits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, "invoice.sent")));
    expect(sentAudits).toHaveLength(1);
  });

  it("keeps the status and the first sentAt on a second send (a reminder)", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    await sendInvoice(db, input(invoice), world.actor, outboxTransport, APP_URL);
    const first = await readInvoice(db, invoice.id);

    const { emailId } = await sendInvoice(db, input(invoice, { kind: "reminder", subject: "Reminder" }), world.actor, outboxTransport, APP_URL);
    const after = await readInvoice(db, invoice.id);
    expect(after.status).toBe("sent");
    expect(after.sentAt).toEqual(first.sentAt);
    expect((await getEmailMessage(db, emailId))?.template).toBe("invoice-reminder");
    expect(await db.select().from(auditLog).where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, "invoice.sent")))).toHaveLength(1);

    const history = await invoiceEmailHistory(db, invoice.id);
    expect(history.map((row) => row.template)).toEqual(["invoice-reminder", "invoice"]);
    expect(history[0]).toMatchObject({ status: "sent", subject: "Reminder", attachments: [] });
  });

  it("refuses a draft without writing anything", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    const before = await emailCount();
    const error = await refusal(sendInvoice(db, { ...input(await readInvoice(db, id)), invoiceId: id }, world.actor, outboxTransport, APP_URL));
    expect(error.message).toBe("Finalize the invoice before sending it.");
    expect(await emailCount()).toBe(before);
    expect((await readInvoice(db, id)).status).toBe("draft");
  });

  it("refuses a reminder for a void invoice and bad recipients, field by field", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const before = await emailCount();
    const none = await refusal(sendInvoice(db, input(invoice, { to: [] }), world.actor, outboxTransport, APP_URL));
    expect(none.fieldErrors?.to).toEqual(["Choose at least one recipient."]);
    const bad = await refusal(sendInvoice(db, input(invoice, { cc: ["not-an-address"] }), world.actor, outboxTransport, APP_URL));
    expect(bad.fieldErrors?.cc).toEqual(["Enter a valid email address."]);
    const noSubject = await refusal(sendInvoice(db, input(invoice, { subject: "  " }), world.actor, outboxTransport, APP_URL));
    expect(noSubject.fieldErrors?.subject).toEqual(["Enter a subject."]);

    await voidInvoice(db, invoice.id, "Duplicate", world.actor);
    expect((await refusal(sendInvoice(db, input(invoice, { kind: "reminder" }), world.actor, outboxTransport, APP_URL))).message).toMatch(/is void/);
    expect(await emailCount()).toBe(before);
  });

  it("drops repeated addresses and cc copies of a recipient", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const to = world.customer.email ?? "";
    const { emailId } = await sendInvoice(db, input(invoice, { to: [to, to.toUpperCase()], cc: [to, "x@acme.test", "X@acme.test"] }), world.actor, outboxTransport, APP_URL);
    expect(await getEmailMessage(db, emailId)).toMatchObject({ toAddresses: [to], ccAddresses: ["x@acme.test"] });
  });

  it("hands the PDF to Resend as a base64 attachment and records Resend's id", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const transport = resendTransport(resend.apiKey, resend.baseUrl);
    const { emailId } = await sendInvoice(db, input(invoice, { to: ["resend@acme.test"], attachPdf: true }), world.actor, transport, APP_URL);
    const received = resend.received.find((email) => email.body.to.includes("resend@acme.test"));
    expect(received?.idempotencyKey).toBe(`email-${emailId}`);
    expect(received?.body.attachments).toHaveLength(1);
    expect(received?.body.attachments?.[0]).toMatchObject({ filename: `${invoice.number}.pdf`, content_type: "application/pdf" });
    expect(Buffer.from(received?.body.attachments?.[0]?.content ?? "", "base64").subarray(0, 5).toString()).toBe("%PDF-");
    expect((await getEmailMessage(db, emailId))?.providerMessageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("leaves the invoice finalized when the email could not be delivered", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    resend.failNext(1);
    const { emailId, status } = await sendInvoice(db, input(invoice), world.actor, resendTransport(resend.apiKey, resend.baseUrl), APP_URL);
    expect(status).toBe("failed");
    expect((await getEmailMessage(db, emailId))?.status).toBe("failed");
    expect((await readInvoice(db, invoice.id)).status).toBe("finalized");
  });
});

describe("sendInvoiceWithDefaults", () => {
  it("sends the default email to the customer's primary address", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const { emailId } = await sendInvoiceWithDefaults(db, invoice.id, world.actor, outboxTransport, APP_URL);
    const message = await getEmailMessage(db, emailId);
    expect(message).toMatchObject({ toAddresses: [world.customer.email], subject: `Invoice ${invoice.number} from Demo Trading Ltd` });
    expect(message?.attachments).toHaveLength(1);
    expect((await readInvoice(db, invoice.id)).status).toBe("sent");
  });

  it("refuses clearly when the customer has no email address", async () => {
    const invoice = await createFinalizedInvoice(db, world, {
      customerId: world.kesCustomer.id,
      currency: "KES",
      lines: [{ productId: null, description: "Delivery", unit: null, quantity: 10_000n, unitPrice: 150_000n, discountPercent: 0n, taxRateIds: [] }],
    });
    const error = await refusal(sendInvoiceWithDefaults(db, invoice.id, world.actor, outboxTransport, APP_URL));
    expect(error.message).toBe(`${world.kesCustomer.displayName} has no email address: add one to the customer before sending invoice ${invoice.number}.`);
    expect(await db.select().from(emailMessages).where(eq(emailMessages.entityId, invoice.id)).orderBy(asc(emailMessages.createdAt))).toEqual([]);
    expect((await readInvoice(db, invoice.id)).status).toBe("finalized");
  });
});
