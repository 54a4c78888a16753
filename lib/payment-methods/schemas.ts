import { z } from "zod";
import type { BankDetails, WalletDetails } from "@/db/schema";
import { parseMoney } from "@/lib/money";
import { isCountryCode } from "@/lib/settings/countries";
import { isCurrencyCode } from "@/lib/settings/schemas";
import { unknownPlaceholders } from "./account-reference";
import { CONFIG_METHODS, type ConfigMethod } from "./labels";

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

/** What the admin form holds: text as typed. Amounts are parsed in `limitsCurrency` by lib/money.ts. */
export const paymentMethodFields = z.object({
  method: z.enum(CONFIG_METHODS, { error: "Choose a method." }),
  enabled: z.boolean(),
  // "KE, UG TZ" (commas, spaces or both) is read as a list; empty means every country
  countries: text(800),
  displayName: text(100).min(1, "Enter the name customers see, such as Bank transfer (KES)."),
  instructions: text(2000),
  bankAccountName: text(100),
  bankAccountNumber: text(64),
  bankSwiftBic: text(11),
  bankName: text(100),
  walletProvider: text(60),
  walletPaybill: text(20),
  walletTill: text(20),
  walletAccountReferenceRule: text(60),
  limitsCurrency: text(3).toUpperCase(),
  minAmount: text(30),
  maxAmount: text(30),
});
export type PaymentMethodFormValues = z.input<typeof paymentMethodFields>;

/** The row's editable columns, as commands store them. */
export interface PaymentMethodConfigInput {
  method: ConfigMethod;
  enabled: boolean;
  countries: string[];
  displayName: string;
  instructions: string | null;
  bankDetails: BankDetails | null;
  walletDetails: WalletDetails | null;
  limitsCurrency: string | null;
  minAmount: bigint | null;
  maxAmount: bigint | null;
}

export const EMPTY_PAYMENT_METHOD_FORM: PaymentMethodFormValues = {
  method: "bank_transfer",
  enabled: true,
  countries: "",
  displayName: "",
  instructions: "",
  bankAccountName: "",
  bankAccountNumber: "",
  bankSwiftBic: "",
  bankName: "",
  walletProvider: "",
  walletPaybill: "",
  walletTill: "",
  walletAccountReferenceRule: "",
  limitsCurrency: "",
  minAmount: "",
  maxAmount: "",
};

const orNull = (value: string) => (value === "" ? null : value);

/** Only the keys that were filled in; null when none were. */
function compact<T extends object>(value: T): T | null {
  const kept = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== "" && v !== undefined));
  return Object.keys(kept).length ? (kept as T) : null;
}

export function parseCountries(value: string): { codes: string[]; unknown: string[] } {
  const tokens = value.toUpperCase().split(/[\s,;]+/).filter(Boolean);
  const codes = [...new Set(tokens.filter(isCountryCode))].sort();
  return { codes, unknown: tokens.filter((token) => !isCountryCode(token)) };
}

type Fail = (path: string, message: string) => void;

function parseLimit(value: string, currency: string | null, path: string, fail: Fail): bigint | null {
  if (value === "" || !currency) return null;
  const parsed = parseMoney(value, currency);
  const problem = !parsed.ok ? parsed.error : parsed.minor <= 0n ? "The amount must be more than 0." : null;
  if (problem) fail(path, problem);
  return parsed.ok && !problem ? parsed.minor : null;
}

/** Form text → the stored shape, each problem reported at its field. */
export const paymentMethodConfigSchema = paymentMethodFields.transform((value, ctx): PaymentMethodConfigInput => {
  const fail: Fail = (path, message) => ctx.addIssue({ code: "custom", path: [path], message });

  const { codes, unknown } = parseCountries(value.countries);
  if (unknown.length) fail("countries", `Not ISO country codes: ${unknown.slice(0, 5).join(", ")}. Use two letters such as KE, US or DE.`);

  const hasLimits = value.minAmount !== "" || value.maxAmount !== "";
  let currency: string | null = null;
  if (value.limitsCurrency !== "") {
    if (!/^[A-Z]{3}$/.test(value.limitsCurrency) || !isCurrencyCode(value.limitsCurrency)) fail("limitsCurrency", "Use a three-letter ISO currency code such as KES or USD.");
    else currency = value.limitsCurrency;
  } else if (hasLimits) {
    fail("limitsCurrency", "Say which currency the limits are in.");
  }
  const minAmount = parseLimit(value.minAmount, currency, "minAmount", fail);
  const maxAmount = parseLimit(value.maxAmount, currency, "maxAmount", fail);
  if (minAmount !== null && maxAmount !== null && minAmount > maxAmount) fail("maxAmount", "The maximum cannot be less than the minimum.");

  let bankDetails: BankDetails | null = null;
  let walletDetails: WalletDetails | null = null;
  if (value.method === "bank_transfer") {
    if (!value.bankAccountNumber) fail("bankAccountNumber", "Enter the account number or IBAN customers pay to.");
    bankDetails = compact<BankDetails>({
      accountName: value.bankAccountName,
      accountNumber: value.bankAccountNumber.replace(/\s+/g, " "),
      swiftBic: value.bankSwiftBic.toUpperCase(),
      bankName: value.bankName,
    });
  }
  if (value.method === "local_wallet") {
    if (!value.walletPaybill && !value.walletTill) fail("walletPaybill", "Enter a paybill or a till number.");
    const bad = unknownPlaceholders(value.walletAccountReferenceRule);
    if (bad.length) fail("walletAccountReferenceRule", `Unknown placeholder ${bad[0]}: use {invoice} or {customer}.`);
    walletDetails = compact<WalletDetails>({
      provider: value.walletProvider,
      paybill: value.walletPaybill,
      till: value.walletTill,
      accountReferenceRule: value.walletAccountReferenceRule,
    });
  }

  return {
    method: value.method,
    enabled: value.enabled,
    countries: codes,
    displayName: value.displayName,
    instructions: orNull(value.instructions),
    bankDetails,
    walletDetails,
    limitsCurrency: hasLimits ? currency : null,
    minAmount,
    maxAmount,
  };
});

const configId = z.uuid("Unknown payment method.");

export const updatePaymentMethodSchema = z.object({ id: configId, fields: paymentMethodConfigSchema });
export const setPaymentMethodEnabledSchema = z.object({ id: configId, enabled: z.boolean() });
/** Every config id in the new order (the list the admin sees, after a move up or down). */
export const reorderPaymentMethodsSchema = z.object({ ids: z.array(configId).min(1).max(200) });
