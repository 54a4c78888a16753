import type { Db } from "./index";
import { paymentMethodConfigs } from "./schema";

/**
 * How the demo company takes money: card and PayPal (shown once their keys are set), a bank
 * transfer everywhere, M-Pesa for Kenyan customers, cash at the office. Admins change them at
 * /admin/payment-methods.
 */
export async function seedPaymentMethods(tx: Db): Promise<void> {
  await tx.insert(paymentMethodConfigs).values([
    { method: "stripe_card", displayName: "Card", instructions: "Pay securely by card; card details go straight to Stripe.", sortOrder: 10 },
    { method: "paypal", displayName: "PayPal", sortOrder: 20 },
    {
      method: "bank_transfer",
      displayName: "Bank transfer",
      instructions: "Transfer the amount due and quote the invoice number as the reference. Then tell us below so we can match it.",
      bankDetails: { accountName: "Demo Trading Ltd", accountNumber: "GB33BUKB20201555555555", swiftBic: "BUKBGB22", bankName: "Demo Bank plc" },
      sortOrder: 30,
    },
    {
      method: "local_wallet",
      displayName: "M-Pesa",
      countries: ["KE"],
      instructions: "Lipa na M-Pesa → Pay Bill, then tell us the M-Pesa code below.",
      walletDetails: { provider: "M-Pesa", paybill: "400200", accountReferenceRule: "{invoice}" },
      sortOrder: 40,
    },
    { method: "cash", displayName: "Cash", instructions: "Pay in cash at 1 Ledger Lane, Nairobi, weekdays 9:00–17:00.", sortOrder: 50 },
    { method: "check", displayName: "Check", enabled: false, instructions: "Make checks payable to Demo Trading Ltd.", sortOrder: 60 },
  ]);
}
