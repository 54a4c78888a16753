import { CreditCard, Plus } from "lucide-react";
import { GatewayStatusPanel } from "@/components/admin/payment-methods/gateway-status-panel";
import { toFormValues } from "@/components/admin/payment-methods/form-values";
import { PaymentMethodDialog } from "@/components/admin/payment-methods/payment-method-dialog";
import { PaymentMethodList, type PaymentMethodRow } from "@/components/admin/payment-methods/payment-method-list";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import type { PaymentMethodConfig } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { gatewayStatus, type GatewayStatus } from "@/lib/payment-methods/gateway-status";
import { METHOD_LABELS, offerKindOf } from "@/lib/payment-methods/labels";
import { listPaymentMethodConfigs } from "@/lib/payment-methods/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Payment methods" };

function limitsText(config: PaymentMethodConfig): string | null {
  const currency = config.limitsCurrency;
  if (!currency || (config.minAmount === null && config.maxAmount === null)) return null;
  const min = config.minAmount !== null ? formatMoney(config.minAmount, currency) : null;
  const max = config.maxAmount !== null ? formatMoney(config.maxAmount, currency) : null;
  if (min && max) return `${min} – ${max}`;
  return min ? `From ${min}` : `Up to ${max}`;
}

function toRow(config: PaymentMethodConfig, status: GatewayStatus): PaymentMethodRow {
  const kind = offerKindOf(config.method);
  return {
    id: config.id,
    methodLabel: METHOD_LABELS[config.method],
    displayName: config.displayName,
    enabled: config.enabled,
    countries: config.countries,
    limits: limitsText(config),
    gatewayReady: kind === "stripe" ? status.stripe.configured : kind === "paypal" ? status.paypal.configured : true,
    values: toFormValues(config),
  };
}

export default async function PaymentMethodsPage() {
  await requirePermission("settings.manage");
  const db = await getDb();
  const [configs, status] = await Promise.all([listPaymentMethodConfigs(db), gatewayStatus(db)]);
  const addButton = (
    <PaymentMethodDialog
      trigger={
        <Button data-testid="add-payment-method">
          <Plus />
          Add payment method
        </Button>
      }
    />
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Payment methods"
        description="How customers can pay on the invoice page, per country, in this order. Disable a method to stop offering it; methods are never deleted."
        actions={addButton}
      />
      <Card className="py-0">
        {configs.length === 0 ? (
          <EmptyState icon={<CreditCard />} title="No payment methods yet" description="Add card, PayPal, bank transfer or mobile wallet so customers can pay online." />
        ) : (
          <PaymentMethodList rows={configs.map((config) => toRow(config, status))} />
        )}
      </Card>
      <GatewayStatusPanel status={status} />
    </div>
  );
}
