import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, paymentMethodConfigs, webhookEvents } from "@/db/schema";
import { parseEnv } from "@/lib/env";
import { methodsForInvoice } from "@/lib/payment-methods/available";
import { createPaymentMethodConfig, reorderPaymentMethodConfigs, setPaymentMethodEnabled, updatePaymentMethodConfig } from "@/lib/payment-methods/commands";
import { gatewayStatus } from "@/lib/payment-methods/gateway-status";
import { loadPayPanel } from "@/lib/payment-methods/pay-panel";
import { listPaymentMethodConfigs } from "@/lib/payment-methods/queries";
import { EMPTY_PAYMENT_METHOD_FORM, paymentMethodConfigSchema, type PaymentMethodFormValues } from "@/lib/payment-methods/schemas";
import { createTestDatabase } from "../helpers/db";
import { insertStaffActor } from "../helpers/invoice-rows";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();
const actor = await insertStaffActor(db);

const input = (values: Partial<PaymentMethodFormValues>) => paymentMethodConfigSchema.parse({ ...EMPTY_PAYMENT_METHOD_FORM, ...values });
const add = (values: Partial<PaymentMethodFormValues>) => createPaymentMethodConfig(db, input(values), actor);

// One world for the whole file: the offer tests read every enabled config.
await add({ method: "stripe_card", displayName: "Card" });
await add({ method: "paypal", displayName: "PayPal" });
await add({ method: "bank_transfer", displayName: "Bank (Kenya)", countries: "KE", bankAccountNumber: "111", limitsCurrency: "KES", maxAmount: "1,000,000" });
const mpesa = await add({ method: "local_wallet", displayName: "M-Pesa", countries: "KE", walletPaybill: "247247", walletAccountReferenceRule: "{invoice}", limitsCurrency: "KES", minAmount: "10", maxAmount: "150000" });
const bankAll = await add({ method: "bank_transfer", displayName: "Bank (international)", bankAccountNumber: "GB33BUKB20201555555555" });
const cash = await add({ method: "cash", displayName: "Cash at the office", countries: "KE, UG" });
const retired = await add({ method: "check", displayName: "Check", enabled: false });

const ALL = { stripe: true, paypal: true };
const names = async (invoice: { currency: string; amountDue: bigint }, country: string | null, gateways = ALL) =>
  (await methodsForInvoice(db, invoice, country, gateways)).map((offered) => `${offered.config.displayName}:${offered.kind}`);

describe("payment method commands", () => {
  it("appends new configs in order and audits each as payment_method_config", async () => {
    const rows = await listPaymentMethodConfigs(db);
    expect(rows.map((row) => [row.displayName, row.sortOrder])).toEqual([
      ["Card", 0],
      ["PayPal", 1],
      ["Bank (Kenya)", 2],
      ["M-Pesa", 3],
      ["Bank (international)", 4],
      ["Cash at the office", 5],
      ["Check", 6],
    ]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "payment_method_config"), eq(auditLog.action, "payment_method_config.created")));
    expect(audits).toHaveLength(7);
    expect(audits.find((row) => row.entityId === mpesa.id)?.after).toMatchObject({ method: "local_wallet", countries: ["KE"], minAmount: "1000", maxAmount: "15000000", limitsCurrency: "KES" });
  });

  it("updates with before/after in the audit row, and disabling is idempotent", async () => {
    const changed = await updatePaymentMethodConfig(db, cash.id, input({ method: "cash", displayName: "Cash", countries: "KE, UG", instructions: "Mon–Fri" }), actor);
    expect(changed).toMatchObject({ displayName: "Cash", instructions: "Mon–Fri", sortOrder: cash.sortOrder });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, cash.id), eq(auditLog.action, "payment_method_config.updated")));
    expect(audit?.before).toMatchObject({ displayName: "Cash at the office" });
    expect(audit?.after).toMatchObject({ displayName: "Cash" });

    await setPaymentMethodEnabled(db, retired.id, false, actor);
    const toggles = await db.select().from(auditLog).where(eq(auditLog.entityId, retired.id));
    expect(toggles.map((row) => row.action)).toEqual(["payment_method_config.created"]);
  });

  it("refuses an unknown config", async () => {
    const error = await refusal(setPaymentMethodEnabled(db, "00000000-0000-4000-8000-000000000000", true, actor));
    expect(error.message).toBe("That payment method no longer exists.");
  });

  it("reorders from the full list, refuses a stale one, and changes nothing then", async () => {
    const ids = (await listPaymentMethodConfigs(db)).map((row) => row.id);
    const swapped = [ids[1]!, ids[0]!, ...ids.slice(2)];
    await reorderPaymentMethodConfigs(db, swapped, actor);
    expect((await listPaymentMethodConfigs(db)).map((row) => row.id)).toEqual(swapped);

    const stale = await refusal(reorderPaymentMethodConfigs(db, ids.slice(1), actor));
    expect(stale.message).toMatch(/changed meanwhile/);
    await refusal(reorderPaymentMethodConfigs(db, [ids[0]!, ...ids.slice(0, -1)], actor));
    expect((await listPaymentMethodConfigs(db)).map((row) => row.id)).toEqual(swapped);

    await reorderPaymentMethodConfigs(db, ids, actor);
    const rows = await db.select().from(paymentMethodConfigs).orderBy(asc(paymentMethodConfigs.sortOrder));
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "payment_method_config.reordered"))).toHaveLength(2);
  });
});

describe("methodsForInvoice", () => {
  it("offers a Kenyan customer everything for Kenya and for all, in order, never the disabled check", async () => {
    expect(await names({ currency: "KES", amountDue: 5_000_00n }, "KE")).toEqual([
      "Card:stripe",
      "PayPal:paypal",
      "Bank (Kenya):manual",
      "M-Pesa:manual",
      "Bank (international):manual",
      "Cash:offline",
    ]);
  });

  it("filters by country: other countries see only the methods for all (or theirs); no country, only those for all", async () => {
    expect(await names({ currency: "USD", amountDue: 100_00n }, "US")).toEqual(["Card:stripe", "PayPal:paypal", "Bank (international):manual"]);
    expect(await names({ currency: "USD", amountDue: 100_00n }, "ug")).toContain("Cash:offline");
    expect(await names({ currency: "USD", amountDue: 100_00n }, null)).toEqual(["Card:stripe", "PayPal:paypal", "Bank (international):manual"]);
  });

  it("applies limits only in their currency", async () => {
    // KES 5.00 is under M-Pesa's minimum of 10; KES 200,000 over its maximum
    expect(await names({ currency: "KES", amountDue: 5_00n }, "KE")).not.toContain("M-Pesa:manual");
    expect(await names({ currency: "KES", amountDue: 200_000_00n }, "KE")).not.toContain("M-Pesa:manual");
    expect(await names({ currency: "KES", amountDue: 200_000_00n }, "KE")).toContain("Bank (Kenya):manual");
    expect(await names({ currency: "KES", amountDue: 2_000_000_00n }, "KE")).not.toContain("Bank (Kenya):manual");
    expect(await names({ currency: "USD", amountDue: 5_00n }, "KE")).toContain("M-Pesa:manual");
  });

  it("leaves out card and PayPal when their gateway is not configured", async () => {
    expect(await names({ currency: "USD", amountDue: 100_00n }, "US", { stripe: false, paypal: true })).toEqual(["PayPal:paypal", "Bank (international):manual"]);
    expect(await names({ currency: "USD", amountDue: 100_00n }, "US", { stripe: true, paypal: false })).toEqual(["Card:stripe", "Bank (international):manual"]);
  });

  it("stops offering a method as soon as it is disabled", async () => {
    await setPaymentMethodEnabled(db, bankAll.id, false, actor);
    expect(await names({ currency: "USD", amountDue: 100_00n }, "US", { stripe: false, paypal: false })).toEqual([]);
    await setPaymentMethodEnabled(db, bankAll.id, true, actor);
  });
});

describe("loadPayPanel", () => {
  const open = { number: "INV-2026-00007", status: "sent" as const, currency: "KES", amountDue: 2_500_00n, allowPartialPayment: true };
  const kenyan = { number: "CUST-0042", billingCountry: "KE" };

  it("gives the client plain JSON: amounts as text, the wallet reference rendered, the PayPal client id but no secret", async () => {
    const env = parseEnv({ STRIPE_SECRET_KEY: "sk_test_x", PAYPAL_CLIENT_ID: "client-id", PAYPAL_CLIENT_SECRET: "paypal-secret" });
    const props = await loadPayPanel(db, open, kenyan, "tok", env);
    expect(props?.invoice).toEqual({ number: "INV-2026-00007", currency: "KES", amountDue: "250000", allowPartialPayment: true });
    expect(props?.paypal).toEqual({ clientId: "client-id", fake: false });
    expect(props?.methods.find((method) => method.id === mpesa.id)).toMatchObject({ kind: "manual", accountReference: "INV-2026-00007", walletDetails: { paybill: "247247" } });
    const json = JSON.stringify(props);
    expect(json).not.toContain("paypal-secret");
    expect(json).not.toContain("sk_test_x");
  });

  it("is null for an invoice that takes no payment now", async () => {
    expect(await loadPayPanel(db, { ...open, status: "paid", amountDue: 0n }, kenyan, "tok", parseEnv({}))).toBeNull();
    expect(await loadPayPanel(db, { ...open, status: "void" }, kenyan, "tok", parseEnv({}))).toBeNull();
  });
});

describe("gatewayStatus", () => {
  it("reports presence and mode, the last webhook per gateway, and no secret values", async () => {
    await db.insert(webhookEvents).values([
      { gateway: "stripe", eventId: "evt_1", type: "checkout.session.completed", payload: {}, receivedAt: new Date("2026-03-01T10:00:00Z") },
      { gateway: "stripe", eventId: "evt_2", type: "checkout.session.completed", payload: {}, receivedAt: new Date("2026-03-02T10:00:00Z") },
      { gateway: "resend", eventId: "r_1", type: "email.sent", payload: {}, receivedAt: new Date("2026-03-05T10:00:00Z") },
    ]);
    const env = parseEnv({ STRIPE_SECRET_KEY: "sk_live_supersecret", PAYPAL_CLIENT_ID: "id", PAYPAL_CLIENT_SECRET: "ppsecret", PAYPAL_API_URL: "https://api-m.paypal.com" });
    const status = await gatewayStatus(db, env);
    expect(status.stripe).toMatchObject({ configured: true, secretKeyPresent: true, mode: "live", webhookSecretPresent: false, customApiUrl: false });
    expect(status.stripe.lastWebhookAt?.toISOString()).toBe("2026-03-02T10:00:00.000Z");
    expect(status.paypal).toMatchObject({ configured: true, mode: "live", webhookIdPresent: false, lastWebhookAt: null });
    expect(JSON.stringify(status)).not.toMatch(/supersecret|ppsecret/);
  });
});
