"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { chargeSavedCardAction } from "@/app/(staff)/customers/[id]/saved-card-actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { formatMoney } from "@/lib/money";
import type { ChargeableInvoice, SavedCardView } from "@/lib/saved-cards/queries";

const cardLabel = (card: SavedCardView) =>
  `${card.brand} ···· ${card.last4}${card.expMonth && card.expYear ? ` (exp ${String(card.expMonth).padStart(2, "0")}/${card.expYear})` : ""}${card.isDefault ? " · default" : ""}`;

/** Charges the full amount due of one invoice to a saved card (off-session; one charge per click, keyed by our payment id). */
export function ChargeSavedCardDialog({ customerId, cards, invoices }: { customerId: string; cards: SavedCardView[]; invoices: ChargeableInvoice[] }) {
  const [open, setOpen] = useState(false);
  const [invoiceId, setInvoiceId] = useState(invoices[0]?.id ?? "");
  const [cardId, setCardId] = useState(cards.find((card) => card.isDefault)?.id ?? cards[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const invoice = invoices.find((row) => row.id === invoiceId);

  const submit = () =>
    startTransition(async () => {
      setError(null);
      const result = await chargeSavedCardAction({ customerId, invoiceId, paymentMethodId: cardId });
      if (!result.ok) return setError(result.error);
      toast.success(result.data.status === "succeeded" ? `Charged: payment ${result.data.number}.` : `Payment ${result.data.number} is ${result.data.status}.`);
      setOpen(false);
    });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" disabled={cards.length === 0 || invoices.length === 0} data-testid="charge-saved-card">
          Charge saved card
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Charge saved card</DialogTitle>
          <DialogDescription>The full amount due is charged now, without the customer present.</DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          <div className="space-y-2">
            <Label htmlFor="charge-invoice">Invoice</Label>
            <Select value={invoiceId} onValueChange={setInvoiceId}>
              <SelectTrigger id="charge-invoice" className="w-full">
                <SelectValue placeholder="Choose an invoice" />
              </SelectTrigger>
              <SelectContent>
                {invoices.map((row) => (
                  <SelectItem key={row.id} value={row.id}>
                    {row.number} · {formatMoney(BigInt(row.amountDue), row.currency)} due
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="space-y-2">
            <Label htmlFor="charge-card">Card</Label>
            <Select value={cardId} onValueChange={setCardId}>
              <SelectTrigger id="charge-card" className="w-full">
                <SelectValue placeholder="Choose a card" />
              </SelectTrigger>
              <SelectContent>
                {cards.map((card) => (
                  <SelectItem key={card.id} value={card.id}>
                    {cardLabel(card)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          {error ? (
            <p className="text-sm text-destructive" data-testid="charge-saved-card-error">
              {error}
            </p>
          ) : null}
        </div>
        <DialogFooter>
          <Button type="button" onClick={submit} disabled={pending || !invoiceId || !cardId}>
            {pending ? "Charging…" : invoice ? `Charge ${formatMoney(BigInt(invoice.amountDue), invoice.currency)}` : "Charge"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
