import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChargeableInvoice, SavedCardView } from "@/lib/saved-cards/queries";
import { AutopaySwitch } from "./autopay-switch";
import { ChargeSavedCardDialog } from "./charge-saved-card-dialog";
import { SendSetupLinkButton } from "./send-setup-link-button";

/**
 * The customer page's saved cards: list, setup link, charge, autopay. Server component: the page
 * passes listSavedCards / listChargeableInvoices and whether the viewer has payments.write.
 */
export function SavedCardsPanel(props: { customerId: string; autopay: boolean; cards: SavedCardView[]; invoices: ChargeableInvoice[]; canWrite: boolean; stripeOn: boolean }) {
  const { customerId, autopay, cards, invoices, canWrite, stripeOn } = props;
  return (
    <Card data-testid="saved-cards">
      <CardHeader>
        <CardTitle>Saved cards</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {cards.length === 0 ? (
          <p className="text-muted-foreground">No saved cards.</p>
        ) : (
          <ul className="space-y-1">
            {cards.map((card) => (
              <li key={card.id} data-testid="saved-card">
                <span className="capitalize">{card.brand}</span> ···· {card.last4}
                {card.expMonth && card.expYear ? ` · exp ${String(card.expMonth).padStart(2, "0")}/${card.expYear}` : ""}
                {card.isDefault ? " · default" : ""}
              </li>
            ))}
          </ul>
        )}
        {canWrite && stripeOn ? (
          <div className="flex flex-wrap items-center gap-2">
            <SendSetupLinkButton customerId={customerId} />
            <ChargeSavedCardDialog customerId={customerId} cards={cards} invoices={invoices} />
          </div>
        ) : null}
        <AutopaySwitch customerId={customerId} initial={autopay} disabled={!canWrite || cards.length === 0} />
      </CardContent>
    </Card>
  );
}
