import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll } from "vitest";
import type { Db } from "@/db";
import { allocations, customers, invoiceLines, invoices, paymentMethodConfigs, payments, users, type Customer, type Invoice, type Role } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed";
import { createCreditNote } from "@/lib/credit-notes/create";
import { addPaymentMethod } from "@/lib/customers/payment-methods";
import { addCustomerNote } from "@/lib/customers/notes";
import { saveView } from "@/lib/customers/saved-views";
import { env } from "@/lib/env";
import { resetStripeClient } from "@/lib/gateways/stripe/client";
import { createTemplate } from "@/lib/invoice-templates/commands";
import { blankTemplateValues, templateFieldsSchema } from "@/lib/invoice-templates/schemas";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { createDraft } from "@/lib/invoices/drafts";
import { publicTokenFor } from "@/lib/invoices/public-link";
import { submitManualPayment } from "@/lib/payment-methods/manual-submission";
import { setCompanyLogo } from "@/lib/settings/commands";
import { startFakeGateways } from "../fakes/gateways";
import { createTestDatabase } from "../helpers/db";
import { createFinalizedInvoice, draftInput, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";
import { insertStaffActor } from "../helpers/invoice-rows";
import { setAppDatabase } from "../helpers/request-context";
import { installWriteProbe, type WriteProbe } from "./write-probe";

// One database per test file with two customers whose every identifying text is distinctive, so a
// response that leaks one of them to the wrong audience can be found by plain text search.

/** What one customer owns: ids the fuzzers aim at and the texts that must not leak. */
export interface CustomerSide {
  customer: Customer;
  invoice: Invoice;
  token: string;
  lineIds: string[];
  draftId: string;
  creditNoteId: string;
  paymentId: string;
  manualPaymentId: string;
  noteId: string;
  methodId: string;
  /** Texts only this customer's documents contain. */
  markers: string[];
}

export interface SecurityWorld {
  db: Db;
  kind: "pglite" | "postgres";
  probe: WriteProbe;
  users: Record<Role, { id: string; email: string; password: string }>;
  /** A staff user the user-admin actions may act on (never one of the audiences). */
  victimId: string;
  invoiceWorld: InvoiceWorld;
  templateId: string;
  bankConfigId: string;
  viewId: string;
  a: CustomerSide;
  b: CustomerSide;
}

const LOGO_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const PROFILES = {
  a: { companyName: "Quillfeather Apiaries", email: "ledger@quillfeather-apiaries.test", po: "PO-QUILL-4417", tag: "A" },
  b: { companyName: "Zanzibar Orbital Freight", email: "accounts@zanzibar-orbital.test", po: "PO-ZANZI-9902", tag: "B" },
} as const;

/**
 * Fake Stripe and PayPal on loopback with the env pointing at them (before anything reads env()),
 * a fresh database that getDb() hands out, the demo users, the two customers, then the write probe.
 */
export async function createSecurityWorld(): Promise<SecurityWorld> {
  const gateways = await startFakeGateways({ hookBase: "http://127.0.0.1:9", appUrl: "http://localhost:3000", stripePort: 0, paypalPort: 0 });
  afterAll(() => gateways.close());
  Object.assign(process.env, gateways.env, { RESEND_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}` });
  resetStripeClient();
  if (env().STRIPE_API_URL !== gateways.env.STRIPE_API_URL) throw new Error("env() was read before the security world set the gateways: create it first in the file.");

  const database = await createTestDatabase();
  setAppDatabase(database);
  const { db } = database;
  const invoiceWorld = await seedInvoiceWorld(db);
  const demo = await db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(inArray(users.email, DEMO_USERS.map((user) => user.email)));
  const userOf = (role: Role) => {
    const row = demo.find((user) => user.role === role);
    const seed = DEMO_USERS.find((user) => user.role === role);
    if (!row || !seed) throw new Error(`the demo seed has no ${role}`);
    return { id: row.id, email: row.email, password: seed.password };
  };
  const admin = { userId: userOf("admin").id, label: userOf("admin").email };
  await setCompanyLogo(db, LOGO_PNG, admin);
  await db.update(paymentMethodConfigs).set({ enabled: true });
  const [bank] = await db.select({ id: paymentMethodConfigs.id }).from(paymentMethodConfigs).where(eq(paymentMethodConfigs.method, "bank_transfer"));
  const template = await createTemplate(db, templateFieldsSchema.parse({ ...blankTemplateValues(), name: "Security template" }), admin);
  const view = await saveView(db, userOf("finance").id, { name: "Overdue", query: "status=active" });
  const victim = await insertStaffActor(db);

  const side = async (key: "a" | "b"): Promise<CustomerSide> => customerSide(db, invoiceWorld, key, bank?.id ?? "", userOf("finance").id);
  const a = await side("a");
  const b = await side("b");
  const probe = await installWriteProbe(db);
  return {
    db,
    kind: database.kind,
    probe,
    users: { admin: userOf("admin"), finance: userOf("finance"), viewer: userOf("viewer"), customer: userOf("customer") },
    victimId: victim.userId ?? "",
    invoiceWorld,
    templateId: template.id,
    bankConfigId: bank?.id ?? "",
    viewId: view.id,
    a,
    b,
  };
}

/** A customer with a sent invoice (public link, credit note, received payment with receipt, manual claim), a draft, a note and a saved method. */
async function customerSide(db: Db, world: InvoiceWorld, key: "a" | "b", bankConfigId: string, financeId: string): Promise<CustomerSide> {
  const profile = PROFILES[key];
  const [row] = await db
    .insert(customers)
    .values({ number: `CUS-SEC-${profile.tag}`, companyName: profile.companyName, email: profile.email, currency: "USD", paymentTerms: 30, billingCountry: "KE" })
    .returning();
  if (!row) throw new Error("customer insert returned nothing");
  const invoice = await createFinalizedInvoice(db, world, { customerId: row.id, poNumber: profile.po });
  await db.update(invoices).set({ status: "sent", allowPartialPayment: true }).where(eq(invoices.id, invoice.id));
  const token = publicTokenFor(invoice);
  const lines = await db.select({ id: invoiceLines.id }).from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
  const { id: draftId } = await createDraft(db, draftInput(world, { customerId: row.id }), world.actor);
  const creditNote = await createCreditNote(db, { invoiceId: invoice.id, reason: "Partial return", lines: [{ invoiceLineId: lines[0]?.id ?? "", quantity: 10_000n }], excess: "credit" }, world.actor);
  const payment = await receivedPayment(db, invoice, profile.tag);
  const manual = await submitManualPayment(db, token, { methodConfigId: bankConfigId, reference: `BANK-REF-${profile.tag}`, paidOn: "2026-03-02", amount: "10.00" }, { userId: null, label: "customer" });
  const note = await addCustomerNote(db, { customerId: row.id, body: `Call ${profile.companyName} first` }, { ...world.actor, userId: financeId, role: "finance" });
  const method = await addPaymentMethod(db, { customerId: row.id, label: null, kind: "cash" }, world.actor);
  return {
    customer: row,
    invoice,
    token,
    lineIds: lines.map((line) => line.id),
    draftId,
    creditNoteId: creditNote.id,
    paymentId: payment.id,
    manualPaymentId: manual.paymentId,
    noteId: note.id,
    methodId: method.id,
    markers: [profile.companyName, profile.email, profile.po, invoice.number ?? "", creditNote.number, payment.number, payment.receiptNumber ?? "", `CUS-SEC-${profile.tag}`, `BANK-REF-${profile.tag}`, manual.number],
  };
}

/**
 * A received bank transfer of $50.00 with a receipt number. No gateway: a refund of it is settled
 * here, never sent to a gateway that has no record of it.
 */
async function receivedPayment(db: Db, invoice: Invoice, tag: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(payments)
      .values({
        number: `PAY-SEC-${tag}-1`,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        currency: "USD",
        amount: 50_00n,
        method: "bank_transfer",
        status: "succeeded",
        receivedOn: "2026-03-09",
        receiptNumber: `REC-SEC-${tag}-1`,
      })
      .returning();
    if (!row) throw new Error("payment insert returned nothing");
    await tx.insert(allocations).values({ invoiceId: invoice.id, paymentId: row.id, amount: 50_00n });
    await refreshInvoiceBalance(tx, invoice.id);
    return row;
  });
}

/**
 * Real ids and addresses an audience could try: both customers' records, settings rows, the victim
 * user and A's invoice link. B's link only for staff, who may see B anyway: for anyone else B is
 * "another customer". The audiences' own user ids stay out: an admin fuzzing the user actions
 * would otherwise change who the other audiences are.
 */
export function idPool(world: SecurityWorld, audience: Role | "anonymous"): string[] {
  const side = (s: CustomerSide) => [s.customer.id, s.invoice.id, s.draftId, s.creditNoteId, s.paymentId, s.manualPaymentId, s.noteId, s.methodId, ...s.lineIds];
  const staff = audience === "admin" || audience === "finance" || audience === "viewer";
  const people = Object.values(world.users);
  return [
    ...side(world.a),
    ...side(world.b),
    world.a.token,
    ...(staff ? [world.b.token] : []),
    world.victimId,
    world.templateId,
    world.viewId,
    world.bankConfigId,
    world.invoiceWorld.product.id,
    world.invoiceWorld.vat16.id,
    ...people.map((user) => user.email),
  ];
}
