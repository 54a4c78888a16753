import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PaymentMethodCell, PaymentNumberCell } from "@/components/payments/payment-cells";
import { VoidPaymentDialog } from "@/components/payments/void-payment-dialog";
import type { InvoiceDetail } from "@/lib/invoices/detail-types";
import { formatMoney } from "@/lib/money";
import type { PaymentRow } from "@/lib/payments/queries";
import { CreditNoteRowActions } from "./credit-note-row-actions";
import { formatDate } from "./format";

interface Props {
  invoiceId: string;
  currency: string;
  payments: PaymentRow[];
  creditNotes: InvoiceDetail["creditNotes"];
  /** credit-note money applied here, by credit note id (a note may come from another invoice) */
  allocations: InvoiceDetail["allocations"];
  canVoidPayments: boolean;
  /** invoices.write: may email this invoice's credit notes (the PDF link shows regardless) */
  canEmailCreditNotes?: boolean;
}

const sum = (amounts: bigint[]) => amounts.reduce((total, amount) => total + amount, 0n);

/** Every payment and credit that reduced what this invoice asks for, voided ones struck through. */
export function AppliedMoney({ invoiceId, currency, payments, creditNotes, allocations, canVoidPayments, canEmailCreditNotes = false }: Props) {
  const money = (minor: bigint) => formatMoney(minor, currency);
  const ownNotes = new Set(creditNotes.map((note) => note.id));
  const creditApplied = new Map<string, { number: string; amount: bigint }>();
  for (const row of allocations) {
    if (row.kind !== "credit_note") continue;
    const entry = creditApplied.get(row.sourceId) ?? { number: row.sourceNumber, amount: 0n };
    entry.amount += row.amount;
    creditApplied.set(row.sourceId, entry);
  }
  const otherCredit = [...creditApplied].filter(([id, entry]) => !ownNotes.has(id) && entry.amount !== 0n);

  if (payments.length === 0 && creditNotes.length === 0 && otherCredit.length === 0) {
    return <p className="text-sm text-muted-foreground">No payments or credit notes yet.</p>;
  }
  return (
    <Table data-testid="invoice-payments">
      <TableHeader>
        <TableRow>
          <TableHead>Number</TableHead>
          <TableHead>Date</TableHead>
          <TableHead>Details</TableHead>
          <TableHead className="text-right">Applied here</TableHead>
          <TableHead className="w-16" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {payments.map((payment) => {
          const voided = payment.status === "voided";
          return (
            <TableRow key={payment.id} data-testid="invoice-payment-row" className={voided ? "text-muted-foreground" : undefined}>
              <PaymentNumberCell payment={payment} />
              <TableCell>{formatDate(payment.receivedOn)}</TableCell>
              <PaymentMethodCell payment={payment}>
                {voided && payment.voidReason ? <div className="text-xs">Voided: {payment.voidReason}</div> : null}
              </PaymentMethodCell>
              <TableCell className="text-right tabular-nums">{money(sum(payment.allocations.filter((row) => !row.isReversal).map((row) => row.amount)))}</TableCell>
              <TableCell>{canVoidPayments && !voided ? <VoidPaymentDialog payment={{ id: payment.id, number: payment.number }} invoiceId={invoiceId} /> : null}</TableCell>
            </TableRow>
          );
        })}
        {creditNotes.map((note) => (
          <TableRow key={note.id} data-testid="invoice-credit-note-row">
            <TableCell className="font-mono">{note.number}</TableCell>
            <TableCell>{formatDate(note.issueDate)}</TableCell>
            <TableCell>
              Credit note · <span className="text-muted-foreground">{note.reason}</span>
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {money(creditApplied.get(note.id)?.amount ?? 0n)}
              {note.total !== (creditApplied.get(note.id)?.amount ?? 0n) ? <div className="text-xs text-muted-foreground">of {money(note.total)}</div> : null}
            </TableCell>
            <TableCell>
              <CreditNoteRowActions invoiceId={invoiceId} creditNote={{ id: note.id, number: note.number }} canEmail={canEmailCreditNotes} />
            </TableCell>
          </TableRow>
        ))}
        {otherCredit.map(([id, entry]) => (
          <TableRow key={id} data-testid="invoice-credit-note-row">
            <TableCell className="font-mono">{entry.number}</TableCell>
            <TableCell>—</TableCell>
            <TableCell>Customer credit from another credit note</TableCell>
            <TableCell className="text-right tabular-nums">{money(entry.amount)}</TableCell>
            <TableCell />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
