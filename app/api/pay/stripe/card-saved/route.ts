import { cardSetupPage } from "../card-page";

// Stripe's success_url for a card setup link: the card itself arrives by signed webhook.
export const dynamic = "force-dynamic";

export function GET() {
  return cardSetupPage("Your card is saved", "Thank you. Your card was saved with Stripe; you can close this page.");
}
