import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { GatewayStatus } from "@/lib/payment-methods/gateway-status";

function Check({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return <Badge variant={ok ? "success" : "outline"}>{ok ? yes : no}</Badge>;
}

function lastSeen(at: Date | null): string {
  return at ? at.toISOString().replace("T", " ").slice(0, 19) + " UTC" : "Never";
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** Which gateway settings are present and in which mode. Values of secrets are never shown. */
export function GatewayStatusPanel({ status }: { status: GatewayStatus }) {
  const { stripe, paypal } = status;
  return (
    <Card data-testid="gateway-status">
      <CardHeader>
        <CardTitle>Gateways</CardTitle>
        <CardDescription>
          Keys live in environment variables (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET, PAYPAL_WEBHOOK_ID), never in the database.
          {status.fake ? " Demo mode: the gateways are the local fakes." : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-2">
        <section className="space-y-2" data-testid="gateway-status-stripe">
          <h3 className="font-medium">Stripe</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <Row label="Secret key">
              <Check ok={stripe.secretKeyPresent} yes="Present" no="Missing" />
            </Row>
            <Row label="Mode" testId="stripe-mode">
              {stripe.mode ? <Badge variant={stripe.mode === "live" ? "destructive" : "secondary"}>{stripe.mode === "live" ? "Live" : "Test"}</Badge> : "—"}
              {stripe.customApiUrl ? <span className="ml-2 text-muted-foreground">(custom API URL)</span> : null}
            </Row>
            <Row label="Webhook secret">
              <Check ok={stripe.webhookSecretPresent} yes="Present" no="Missing" />
            </Row>
            <Row label="Last webhook" testId="stripe-last-webhook">
              {lastSeen(stripe.lastWebhookAt)}
            </Row>
          </dl>
        </section>
        <section className="space-y-2" data-testid="gateway-status-paypal">
          <h3 className="font-medium">PayPal</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <Row label="Client id and secret">
              <Check ok={paypal.clientIdPresent && paypal.clientSecretPresent} yes="Present" no="Missing" />
            </Row>
            <Row label="Mode" testId="paypal-mode">
              <Badge variant={paypal.mode === "live" ? "destructive" : "secondary"}>{paypal.mode === "live" ? "Live" : paypal.mode === "sandbox" ? "Sandbox" : "Custom API URL"}</Badge>
            </Row>
            <Row label="Webhook id">
              <Check ok={paypal.webhookIdPresent} yes="Present" no="Missing" />
            </Row>
            <Row label="Last webhook" testId="paypal-last-webhook">
              {lastSeen(paypal.lastWebhookAt)}
            </Row>
          </dl>
        </section>
      </CardContent>
    </Card>
  );
}
