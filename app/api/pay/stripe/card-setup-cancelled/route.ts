import { cardSetupPage } from "../card-page";

// Stripe's cancel_url for a card setup link.
export const dynamic = "force-dynamic";

export function GET() {
  return cardSetupPage("No card was saved", "You left the card page before saving a card. You can use the link in the email again while it is valid.");
}
