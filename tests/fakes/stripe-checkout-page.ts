import { formatMoney } from "../../lib/money";
import type { CheckoutSession } from "./stripe-types";

// The stand-in for Stripe's hosted checkout page: the amount, a Pay button (and Decline, and a
// delayed bank debit), and a link back to the merchant's cancel_url. No card data is asked for.

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function amountText(session: CheckoutSession): string {
  if (session.amount_total === null || !session.currency) return "";
  return formatMoney(BigInt(session.amount_total), session.currency.toUpperCase());
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f6f9fc;margin:0;padding:2rem;color:#1a1f36}
main{max-width:28rem;margin:auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 2px 8px #0002}
.badge{display:inline-block;background:#ffde92;color:#5d3b00;border-radius:4px;padding:2px 8px;font-size:12px;font-weight:600}
label{display:block;margin:1rem 0 .25rem;font-size:14px}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:16px}
button{width:100%;margin-top:1rem;padding:.75rem;font-size:16px;border:0;border-radius:6px;cursor:pointer}
.pay{background:#635bff;color:#fff}.other{background:#e3e8ee;color:#1a1f36}.error{color:#df1b41}`;

export function checkoutPage(session: CheckoutSession, description: string, options: { declined: boolean }): string {
  const amount = amountText(session);
  const setup = session.mode === "setup";
  const closed = session.status !== "open";
  const title = setup ? "Save a card" : `Pay ${amount}`;
  const cancel = session.cancel_url ? `<p><a href="${escape(session.cancel_url)}" data-testid="fake-stripe-cancel">← Cancel and go back</a></p>` : "";
  const body = closed
    ? `<p data-testid="fake-stripe-closed">This checkout session is ${escape(session.status)}.</p>`
    : `${options.declined ? `<p class="error" role="alert" data-testid="fake-stripe-declined">Your card was declined. Try again.</p>` : ""}
<form method="post" action="/checkout/${escape(session.id)}/pay">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" value="${escape(session.customer_email ?? "")}" placeholder="you@example.com">
  <label for="card">Card (test)</label>
  <input id="card" value="4242 4242 4242 4242  12/${String(new Date().getFullYear() + 3).slice(2)}  123" readonly>
  <button class="pay" type="submit" name="outcome" value="succeeded" data-testid="fake-stripe-pay">${escape(setup ? "Save card" : `Pay ${amount}`)}</button>
  ${setup ? "" : `<button class="other" type="submit" name="outcome" value="failed" data-testid="fake-stripe-decline">Decline</button>
  <button class="other" type="submit" name="outcome" value="async" data-testid="fake-stripe-pay-async">Pay by bank debit (completes unpaid, then succeeds)</button>`}
</form>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)} · Fake Stripe Checkout</title><style>${STYLE}</style></head>
<body><main>
<span class="badge">TEST MODE · fake Stripe</span>
<h1>${escape(description || (setup ? "Save a card for later payments" : "Payment"))}</h1>
${setup ? "" : `<p data-testid="fake-stripe-amount" style="font-size:2rem;font-weight:600">${escape(amount)}</p>`}
${body}
${cancel}
</main></body></html>`;
}

export function messagePage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe</title><style>${STYLE}</style></head>
<body><main><span class="badge">TEST MODE · fake Stripe</span><p data-testid="fake-stripe-message">${escape(message)}</p></main></body></html>`;
}
