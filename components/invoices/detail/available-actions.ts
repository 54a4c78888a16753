import type { InvoiceStatus } from "@/db/schema/invoices";
import { isOpen } from "@/lib/invoices/status";

export interface ActionPermissions {
  invoicesWrite: boolean;
  paymentsWrite: boolean;
}

/** Which buttons the detail page shows; the lib functions behind them check the same rules again. */
export interface AvailableActions {
  edit: boolean;
  finalize: boolean;
  deleteDraft: boolean;
  /** the first email, or a reminder once it has gone out */
  send: "send" | "reminder" | null;
  recordPayment: boolean;
  applyCredit: boolean;
  creditNote: boolean;
  void: boolean;
  markUncollectible: boolean;
  duplicate: boolean;
}

export function availableActions(
  invoice: { status: InvoiceStatus; amountDue: bigint },
  can: ActionPermissions,
  customerCredit: bigint,
): AvailableActions {
  const draft = invoice.status === "draft";
  const open = isOpen(invoice.status);
  const owing = open && invoice.amountDue > 0n;
  const write = can.invoicesWrite;
  return {
    edit: write && draft,
    finalize: write && draft,
    deleteDraft: write && draft,
    send: write && open ? (invoice.status === "finalized" ? "send" : "reminder") : null,
    recordPayment: can.paymentsWrite && owing,
    applyCredit: can.paymentsWrite && owing && customerCredit > 0n,
    creditNote: write && (open || invoice.status === "paid"),
    void: write && open,
    markUncollectible: write && open,
    duplicate: write,
  };
}
