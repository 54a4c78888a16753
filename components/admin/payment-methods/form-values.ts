import type { PaymentMethodConfig } from "@/db/schema";
import { minorToDecimalString } from "@/lib/money";
import type { PaymentMethodFormValues } from "@/lib/payment-methods/schemas";

/** A stored config as the dialog edits it (amounts back to text in their currency). */
export function toFormValues(config: PaymentMethodConfig): PaymentMethodFormValues {
  const currency = config.limitsCurrency;
  const amount = (minor: bigint | null) => (minor !== null && currency ? minorToDecimalString(minor, currency) : "");
  return {
    method: config.method,
    enabled: config.enabled,
    countries: config.countries.join(", "),
    displayName: config.displayName,
    instructions: config.instructions ?? "",
    bankAccountName: config.bankDetails?.accountName ?? "",
    bankAccountNumber: config.bankDetails?.accountNumber ?? "",
    bankSwiftBic: config.bankDetails?.swiftBic ?? "",
    bankName: config.bankDetails?.bankName ?? "",
    walletProvider: config.walletDetails?.provider ?? "",
    walletPaybill: config.walletDetails?.paybill ?? "",
    walletTill: config.walletDetails?.till ?? "",
    walletAccountReferenceRule: config.walletDetails?.accountReferenceRule ?? "",
    limitsCurrency: currency ?? "",
    minAmount: amount(config.minAmount),
    maxAmount: amount(config.maxAmount),
  };
}
