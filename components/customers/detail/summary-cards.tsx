import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CurrencyTotals, CustomerInvoiceSummary } from "@/lib/customers/invoice-summary";
import { formatMoney } from "@/lib/money";
import { formatCreditLimit, formatPaymentTerms } from "./format";

interface Props {
  currency: string;
  creditLimit: bigint | null;
  paymentTerms: number;
  summary: CustomerInvoiceSummary;
}

type Figure = { title: string; testId: string; pick: (totals: CurrencyTotals) => bigint; note?: (totals: CurrencyTotals) => string | null };

const FIGURES: Figure[] = [
  { title: "Total billed", testId: "customer-billed", pick: (t) => t.billed },
  { title: "Total paid", testId: "customer-paid", pick: (t) => t.paid },
  {
    title: "Outstanding",
    testId: "customer-outstanding",
    pick: (t) => t.outstanding,
    note: (t) => (t.overdue > 0n ? `${formatMoney(t.overdue, t.currency)} overdue` : null),
  },
  { title: "Credit balance", testId: "customer-credit", pick: (t) => t.credit },
];

/** One money figure: the customer's own currency large, any other currency it was billed in below. */
function MoneyCard({ figure, totals }: { figure: Figure; totals: CurrencyTotals[] }) {
  const [own, ...others] = totals;
  if (!own) return null;
  const note = figure.note?.(own);
  return (
    <Card className="gap-1 py-4">
      <CardHeader className="px-4">
        <CardDescription>{figure.title}</CardDescription>
        <CardTitle className="text-lg tabular-nums" data-testid={figure.testId}>
          {formatMoney(figure.pick(own), own.currency)}
        </CardTitle>
      </CardHeader>
      {note || others.length ? (
        <CardContent className="space-y-0.5 px-4 text-xs text-muted-foreground tabular-nums">
          {note ? <p className="text-destructive">{note}</p> : null}
          {others.map((row) => (
            <p key={row.currency}>+ {formatMoney(figure.pick(row), row.currency)}</p>
          ))}
        </CardContent>
      ) : null}
    </Card>
  );
}

export function SummaryCards({ currency, creditLimit, paymentTerms, summary }: Props) {
  const days = summary.averageDaysToPay;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7" data-testid="customer-summary">
      {FIGURES.map((figure) => (
        <MoneyCard key={figure.title} figure={figure} totals={summary.totals} />
      ))}
      <Card className="gap-1 py-4">
        <CardHeader className="px-4">
          <CardDescription>Average days to pay</CardDescription>
          <CardTitle className="text-lg tabular-nums" data-testid="customer-days-to-pay">
            {days === null ? "—" : `${days} ${days === 1 ? "day" : "days"}`}
          </CardTitle>
        </CardHeader>
        {days === null ? <CardContent className="px-4 text-xs text-muted-foreground">No paid invoices yet</CardContent> : null}
      </Card>
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
