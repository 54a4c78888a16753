import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCreditLimit, formatPaymentTerms } from "./format";

// Derived from invoices and payments, which arrive in the next release: until then the cards say
// so rather than show a made-up zero.
const FROM_INVOICES = ["Total billed", "Total paid", "Outstanding", "Average days to pay", "Credit balance"] as const;

export function SummaryCards({ currency, creditLimit, paymentTerms }: { currency: string; creditLimit: bigint | null; paymentTerms: number }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7" data-testid="customer-summary">
      {FROM_INVOICES.map((title) => (
        <Card key={title} className="gap-1 py-4">
          <CardHeader className="px-4">
            <CardDescription>{title}</CardDescription>
          </CardHeader>
          <CardContent className="px-4 text-sm text-muted-foreground">No invoices yet</CardContent>
        </Card>
      ))}
      <Card className="gap-1 py-4">
        <CardHeader className="px-4">
          <CardDescription>Credit limit</CardDescription>
          <CardTitle className="text-lg tabular-nums">{formatCreditLimit(creditLimit, currency)}</CardTitle>
        </CardHeader>
      </Card>
      <Card className="gap-1 py-4">
        <CardHeader className="px-4">
          <CardDescription>Payment terms</CardDescription>
          <CardTitle className="text-lg">{formatPaymentTerms(paymentTerms)}</CardTitle>
        </CardHeader>
      </Card>
    </div>
  );
}
