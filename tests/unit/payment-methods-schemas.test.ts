import { describe, expect, it } from "vitest";
import { chooseAmount } from "@/components/payments/public/amount-choice";
import { parseEnv } from "@/lib/env";
import { renderAccountReference, unknownPlaceholders } from "@/lib/payment-methods/account-reference";
import { matchesCountry, withinLimits } from "@/lib/payment-methods/available";
import { gatewaysConfigured, paypalModeOf, stripeModeOf } from "@/lib/payment-methods/gateway-status";
import { EMPTY_PAYMENT_METHOD_FORM, paymentMethodConfigSchema, type PaymentMethodFormValues } from "@/lib/payment-methods/schemas";

const form = (values: Partial<PaymentMethodFormValues>) => ({ ...EMPTY_PAYMENT_METHOD_FORM, displayName: "Bank transfer", bankAccountNumber: "0123456789", ...values });

function errorsOf(values: Partial<PaymentMethodFormValues>): Record<string, string> {
  const result = paymentMethodConfigSchema.safeParse(form(values));
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("paymentMethodConfigSchema", () => {
  it("turns the form text into the stored shape: countries upper-cased, sorted, de-duplicated; limits in minor units", () => {
    const parsed = paymentMethodConfigSchema.parse(
      form({ countries: "ke, ug  KE;tz", limitsCurrency: "kes", minAmount: "100", maxAmount: "150,000.50", bankName: "Equity", bankSwiftBic: "equbkenaxxx" }),
    );
    expect(parsed).toEqual({
      method: "bank_transfer",
      enabled: true,
      countries: ["KE", "TZ", "UG"],
      displayName: "Bank transfer",
      instructions: null,
      bankDetails: { accountNumber: "0123456789", bankName: "Equity", swiftBic: "EQUBKENAXXX" },
      walletDetails: null,
      limitsCurrency: "KES",
      minAmount: 100_00n,
      maxAmount: 150_000_50n,
    });
  });

  it("refuses an unknown country code at the countries field", () => {
    expect(errorsOf({ countries: "KE, XX, Kenya" }).countries).toMatch(/Not ISO country codes: XX, KENYA/);
  });

  it("refuses a minimum above the maximum, at the maximum", () => {
    expect(errorsOf({ limitsCurrency: "USD", minAmount: "500", maxAmount: "100" })).toEqual({ maxAmount: "The maximum cannot be less than the minimum." });
  });

  it("refuses limits without a currency, a bad currency, too many decimals and zero", () => {
    expect(errorsOf({ minAmount: "10" }).limitsCurrency).toMatch(/which currency/);
    expect(errorsOf({ limitsCurrency: "ZZZ", minAmount: "10" }).limitsCurrency).toMatch(/ISO currency code/);
    expect(errorsOf({ limitsCurrency: "JPY", minAmount: "10.5" }).minAmount).toMatch(/JPY has no decimal places/);
    expect(errorsOf({ limitsCurrency: "USD", maxAmount: "0" }).maxAmount).toBe("The amount must be more than 0.");
  });

  it("limits the length of bank details but not their format; a bank transfer needs an account number", () => {
    expect(errorsOf({ bankAccountNumber: "GB33 BUKB 2020 1555 5555 55" })).toEqual({});
    expect(errorsOf({ bankAccountNumber: "9".repeat(65) }).bankAccountNumber).toBe("Use at most 64 characters.");
    expect(errorsOf({ bankSwiftBic: "ABCDEFGHIJKL" }).bankSwiftBic).toBe("Use at most 11 characters.");
    expect(errorsOf({ bankAccountNumber: "" }).bankAccountNumber).toMatch(/account number or IBAN/);
    expect(errorsOf({ displayName: " " }).displayName).toMatch(/Enter the name/);
  });

  it("keeps wallet details only for wallets, and refuses unknown placeholders in the reference rule", () => {
    const wallet = paymentMethodConfigSchema.parse(
      form({ method: "local_wallet", walletProvider: "M-Pesa", walletPaybill: "247247", walletAccountReferenceRule: "{customer}-{invoice}" }),
    );
    expect(wallet.bankDetails).toBeNull();
    expect(wallet.walletDetails).toEqual({ provider: "M-Pesa", paybill: "247247", accountReferenceRule: "{customer}-{invoice}" });
    expect(errorsOf({ method: "local_wallet", walletPaybill: "247247", walletAccountReferenceRule: "{invoce}" }).walletAccountReferenceRule).toMatch(/Unknown placeholder \{invoce\}/);
    expect(errorsOf({ method: "local_wallet" }).walletPaybill).toMatch(/paybill or a till/);
    expect(paymentMethodConfigSchema.parse(form({ method: "cash", bankAccountNumber: "" })).bankDetails).toBeNull();
  });
});

describe("account reference", () => {
  it("fills {invoice} and {customer}; an empty rule is the invoice number", () => {
    const values = { invoiceNumber: "INV-2026-00012", customerNumber: "CUST-0042" };
    expect(renderAccountReference("{customer}/{invoice}", values)).toBe("CUST-0042/INV-2026-00012");
    expect(renderAccountReference("  ", values)).toBe("INV-2026-00012");
    expect(renderAccountReference(null, values)).toBe("INV-2026-00012");
    expect(unknownPlaceholders("{invoice} {amount}")).toEqual(["{amount}"]);
  });
});

describe("offer rules", () => {
  it("matches countries case-insensitively; an empty list means every country, a customer without one only those", () => {
    expect(matchesCountry({ countries: [] }, null)).toBe(true);
    expect(matchesCountry({ countries: ["KE"] }, " ke ")).toBe(true);
    expect(matchesCountry({ countries: ["KE"] }, "UG")).toBe(false);
    expect(matchesCountry({ countries: ["KE"] }, null)).toBe(false);
  });

  it("applies limits only to invoices in the limits' currency, bounds included", () => {
    const config = { limitsCurrency: "KES", minAmount: 100_00n, maxAmount: 1_000_00n };
    expect(withinLimits(config, { currency: "KES", amountDue: 100_00n })).toBe(true);
    expect(withinLimits(config, { currency: "KES", amountDue: 1_000_00n })).toBe(true);
    expect(withinLimits(config, { currency: "KES", amountDue: 99_99n })).toBe(false);
    expect(withinLimits(config, { currency: "KES", amountDue: 1_000_01n })).toBe(false);
    expect(withinLimits(config, { currency: "USD", amountDue: 5n })).toBe(true);
  });
});

describe("gateway status from the environment", () => {
  it("tells test from live and sandbox from live, never needing the values themselves", () => {
    expect(stripeModeOf("sk_test_abc")).toBe("test");
    expect(stripeModeOf("rk_live_abc")).toBe("live");
    expect(stripeModeOf(undefined)).toBeNull();
    expect(paypalModeOf("https://api-m.sandbox.paypal.com")).toBe("sandbox");
    expect(paypalModeOf("https://api-m.paypal.com")).toBe("live");
    expect(paypalModeOf("http://127.0.0.1:4010")).toBe("custom");
  });

  it("offers card only with a Stripe key, PayPal only with both its id and secret", () => {
    expect(gatewaysConfigured(parseEnv({}))).toEqual({ stripe: false, paypal: false });
    expect(gatewaysConfigured(parseEnv({ STRIPE_SECRET_KEY: "sk_test_1", PAYPAL_CLIENT_ID: "id" }))).toEqual({ stripe: true, paypal: false });
    expect(gatewaysConfigured(parseEnv({ PAYPAL_CLIENT_ID: "id", PAYPAL_CLIENT_SECRET: "secret" }))).toEqual({ stripe: false, paypal: true });
  });
});

describe("amount to pay now", () => {
  it("is more than 0 and at most the amount due, in the currency's decimals", () => {
    expect(chooseAmount("12.50", "USD", 100_00n)).toEqual({ ok: true, minor: 12_50n });
    expect(chooseAmount("100.01", "USD", 100_00n)).toMatchObject({ ok: false, error: expect.stringMatching(/at most \$100\.00/) });
    expect(chooseAmount("0", "USD", 100_00n)).toMatchObject({ ok: false });
    expect(chooseAmount("1.234", "USD", 100_00n)).toMatchObject({ ok: false, error: "USD has at most 2 decimal places." });
  });
});
