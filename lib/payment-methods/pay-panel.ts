import type { Db } from "@/db";
import type { BankDetails, Customer, Invoice, WalletDetails } from "@/db/schema";
import { env, type Env } from "@/lib/env";
import { isOpen } from "@/lib/invoices/status";
import { renderAccountReference } from "./account-reference";
import { methodsForInvoice } from "./available";
import { gatewaysConfigured } from "./gateway-status";
import type { ConfigMethod, OfferKind } from "./labels";

/** One offered method as the client panel gets it: plain JSON, no limits, nothing internal. */
export interface PayPanelMethod {
  id: string;
  method: ConfigMethod;
  kind: OfferKind;
  displayName: string;
  instructions: string | null;
  bankDetails: BankDetails | null;
  walletDetails: WalletDetails | null;
  /** what to quote as the account reference (wallets: from the rule; others: the invoice number) */
  accountReference: string;
}

export interface PayPanelProps {
  token: string;
  invoice: { number: string; currency: string; amountDue: string; allowPartialPayment: boolean };
  methods: PayPanelMethod[];
  /** the PayPal client id is public by design (the JS SDK needs it); the secret never leaves the server */
  paypal: { clientId: string | null; fake: boolean };
}

/**
 * Everything <PayPanel/> needs for the public page, or null when the invoice takes no payment now
 * (paid, void, nothing due). Customers are matched by their billing country.
 */
export async function loadPayPanel(
  db: Db,
  invoice: Pick<Invoice, "number" | "status" | "currency" | "amountDue" | "allowPartialPayment">,
  customer: Pick<Customer, "number" | "billingCountry">,
  token: string,
  e: Env = env(),
): Promise<PayPanelProps | null> {
  if (!isOpen(invoice.status) || invoice.amountDue <= 0n || !invoice.number) return null;
  const invoiceNumber = invoice.number;
  const offered = await methodsForInvoice(db, invoice, customer.billingCountry, gatewaysConfigured(e));
  return {
    token,
    invoice: { number: invoiceNumber, currency: invoice.currency, amountDue: invoice.amountDue.toString(), allowPartialPayment: invoice.allowPartialPayment },
    methods: offered.map(({ config, kind }) => ({
      id: config.id,
      method: config.method,
      kind,
      displayName: config.displayName,
      instructions: config.instructions,
      bankDetails: config.bankDetails,
      walletDetails: config.walletDetails,
      accountReference: renderAccountReference(config.walletDetails?.accountReferenceRule, { invoiceNumber, customerNumber: customer.number }),
    })),
    paypal: { clientId: e.PAYPAL_CLIENT_ID ?? null, fake: e.CLEANPAY_FAKE_GATEWAYS },
  };
}
