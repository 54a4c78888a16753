import type { Db } from "@/db";
import type { PaymentMethodConfig } from "@/db/schema";
import { offerKindOf, type OfferKind } from "./labels";
import { listEnabledPaymentMethodConfigs } from "./queries";

export type OfferedMethod = { config: PaymentMethodConfig; kind: OfferKind };

export interface GatewaysOn {
  stripe: boolean;
  paypal: boolean;
}

/** Empty countries = every country; a customer with no country only sees methods for all. */
export function matchesCountry(config: Pick<PaymentMethodConfig, "countries">, customerCountry: string | null): boolean {
  if (config.countries.length === 0) return true;
  const country = customerCountry?.trim().toUpperCase();
  return Boolean(country) && config.countries.includes(country ?? "");
}

/** Limits are in one currency: an invoice in another currency is not limited by them. */
export function withinLimits(config: Pick<PaymentMethodConfig, "limitsCurrency" | "minAmount" | "maxAmount">, invoice: { currency: string; amountDue: bigint }): boolean {
  if (!config.limitsCurrency || config.limitsCurrency !== invoice.currency) return true;
  if (config.minAmount !== null && invoice.amountDue < config.minAmount) return false;
  if (config.maxAmount !== null && invoice.amountDue > config.maxAmount) return false;
  return true;
}

function gatewayOn(kind: OfferKind, gateways: GatewaysOn): boolean {
  if (kind === "stripe") return gateways.stripe;
  if (kind === "paypal") return gateways.paypal;
  return true;
}

/** Whether one config may be offered for this invoice (also checked again when a customer submits). */
export function isOffered(config: PaymentMethodConfig, invoice: { currency: string; amountDue: bigint }, customerCountry: string | null, gateways: GatewaysOn): boolean {
  return config.enabled && matchesCountry(config, customerCountry) && withinLimits(config, invoice) && gatewayOn(offerKindOf(config.method), gateways);
}

/**
 * The methods the public page offers for an invoice: enabled, for the customer's billing country,
 * within the limits for the amount due, and card / PayPal only when that gateway is configured.
 * In the admin's order (sortOrder, then name).
 */
export async function methodsForInvoice(
  db: Db,
  invoice: { currency: string; amountDue: bigint },
  customerCountry: string | null,
  gateways: GatewaysOn,
): Promise<OfferedMethod[]> {
  const configs = await listEnabledPaymentMethodConfigs(db);
  return configs
    .filter((config) => isOffered(config, invoice, customerCountry, gateways))
    .map((config) => ({ config, kind: offerKindOf(config.method) }));
}
