import { CreditCard } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatMoney } from "@/lib/money";

/**
 * A plain form POST: the route creates the Checkout Session and answers 303 to Stripe's hosted page,
 * so card data never touches us and the button works without JavaScript too.
 */
export function StripePayForm({ token, amount, currency }: { token: string; amount: bigint; currency: string }) {
  return (
    <form method="post" action="/api/pay/stripe/checkout" className="flex flex-wrap items-center gap-3" data-testid="stripe-pay-form">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="amount" value={amount.toString()} />
      <Button type="submit" data-testid="pay-by-card">
        <CreditCard />
        Pay by card
      </Button>
      <span className="text-sm text-muted-foreground tabular-nums">{formatMoney(amount, currency)}, on Stripe&apos;s secure page</span>
    </form>
  );
}
