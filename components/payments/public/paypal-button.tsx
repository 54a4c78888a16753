"use client";

import { PayPalButtons, PayPalScriptProvider } from "@paypal/react-paypal-js";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

type Props = {
  token: string;
  /** minor units as a decimal string */
  amount: string;
  currency: string;
  clientId: string | null;
  /** demo/test mode: no PayPal JS SDK, the local fake gateway approves the order */
  fake: boolean;
};

type Answer = Record<string, unknown> & { ok?: boolean; error?: string };

async function postJson(url: string, body: object): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const answer: Answer = await response.json().catch(() => ({ error: "The server gave no answer." }));
  if (!response.ok || answer.ok === false) throw new Error(typeof answer.error === "string" ? answer.error : "The payment did not go through.");
  return answer;
}

async function createOrder(token: string, amount: string): Promise<{ orderId: string; approveUrl: string | null }> {
  const answer = await postJson("/api/pay/paypal/orders", { token, amount });
  if (typeof answer.orderId !== "string") throw new Error("PayPal gave no order.");
  return { orderId: answer.orderId, approveUrl: typeof answer.approveUrl === "string" ? answer.approveUrl : null };
}

async function captureOrder(token: string, orderId: string): Promise<string> {
  const answer = await postJson(`/api/pay/paypal/orders/${encodeURIComponent(orderId)}/capture`, { token });
  return typeof answer.status === "string" ? answer.status : "pending";
}

/** PayPal's buttons (or, with the fake gateway, a plain button) that create and capture an order through our routes. */
export function PayPalPayButton({ token, amount, currency, clientId, fake }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function finished(status: string) {
    if (status === "succeeded") toast.success("Payment received. Thank you!");
    else if (status === "failed") setError("PayPal declined the payment. Nothing was charged.");
    else toast.info("PayPal is still processing the payment; this page will show it once it clears.");
    router.refresh();
  }

  // the fake's stand-in for PayPal's popup: approving is one GET to its approve link
  async function payWithFake() {
    setError(null);
    setBusy(true);
    try {
      const order = await createOrder(token, amount);
      if (!order.approveUrl) throw new Error("The test gateway gave no approval link.");
      await fetch(order.approveUrl, { mode: "no-cors" });
      finished(await captureOrder(token, order.orderId));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The payment did not go through.");
    } finally {
      setBusy(false);
    }
  }

  const errorLine = error ? (
    <p className="text-sm text-destructive" data-testid="paypal-error">
      {error}
    </p>
  ) : null;

  if (fake) {
    return (
      <div className="flex flex-col gap-2" data-testid="pay-paypal">
        <Button type="button" variant="outline" onClick={payWithFake} disabled={busy}>
          {busy ? "Paying…" : "Pay with PayPal (test)"}
        </Button>
        {errorLine}
      </div>
    );
  }
  if (!clientId) return <p className="text-sm text-muted-foreground">PayPal is not available right now.</p>;
  return (
    <div className="flex flex-col gap-2" data-testid="pay-paypal">
      <PayPalScriptProvider options={{ clientId, currency, intent: "capture" }}>
        <PayPalButtons
          style={{ layout: "horizontal", tagline: false }}
          forceReRender={[amount, currency]}
          createOrder={async () => {
            setError(null);
            return (await createOrder(token, amount)).orderId;
          }}
          onApprove={async (data) => finished(await captureOrder(token, data.orderID))}
          onError={(failure) => setError(failure instanceof Error ? failure.message : "PayPal could not complete the payment.")}
          onCancel={() => toast.info("PayPal payment cancelled. Nothing was charged.")}
        />
      </PayPalScriptProvider>
      {errorLine}
    </div>
  );
}
