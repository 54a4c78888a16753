import { Pencil } from "lucide-react";
import Link from "next/link";
import { CreditNoteDialog } from "@/components/credit-notes/credit-note-dialog";
import { SendInvoiceButton } from "@/components/invoices/send/send-invoice-button";
import { ApplyCreditDialog } from "@/components/payments/apply-credit-dialog";
import { RecordPaymentDialog } from "@/components/payments/record-payment-dialog";
import { Button } from "@/components/ui/button";
import type { Invoice } from "@/db/schema";
import type { CreditableLine } from "@/lib/credit-notes/queries";
import type { AvailableActions } from "./available-actions";
import { FinalizeButton } from "./finalize-button";
import { MoreActionsMenu } from "./more-actions-menu";
import { PdfButtons } from "./pdf-buttons";

interface Props {
  invoice: Invoice;
  /** "INV-2026-00001", or "this draft" */
  label: string;
  show: AvailableActions;
  /** the customer's unallocated credit in the invoice's currency */
  customerCredit: bigint;
  /** loaded only when a credit note can be issued */
  creditableLines: CreditableLine[];
}

/** The buttons the status and the person's permissions allow, most likely next step first. */
export function ActionBar({ invoice, label, show, customerCredit, creditableLines }: Props) {
  const money = { id: invoice.id, label, customerId: invoice.customerId, currency: invoice.currency, amountDue: invoice.amountDue };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="invoice-actions">
      {show.finalize ? <FinalizeButton invoiceId={invoice.id} /> : null}
      {show.edit ? (
        <Button variant="outline" asChild>
          <Link href={`/invoices/${invoice.id}/edit`} data-testid="edit-invoice">
            <Pencil />
            Edit
          </Link>
        </Button>
      ) : null}
      {show.recordPayment ? <RecordPaymentDialog invoice={money} /> : null}
      {show.send ? <SendInvoiceButton invoiceId={invoice.id} kind={show.send} /> : null}
      {show.applyCredit ? <ApplyCreditDialog invoice={money} credit={customerCredit} /> : null}
      {show.creditNote ? <CreditNoteDialog invoice={money} lines={creditableLines} /> : null}
      <PdfButtons invoiceId={invoice.id} label={invoice.number ?? "Draft invoice"} />
      <MoreActionsMenu
        invoiceId={invoice.id}
        label={label}
        show={{ duplicate: show.duplicate, void: show.void, markUncollectible: show.markUncollectible, deleteDraft: show.deleteDraft }}
      />
    </div>
  );
}
