import type { Invoice, InvoiceLine, InvoiceLineTax, InvoiceTemplate } from "@/db/schema";
import type { DisplayStatus } from "./status";

/**
 * One invoice as every reader needs it: the detail page, the editor, the PDF, the email and the
 * public page. Loaded by getInvoiceDetail (lib/invoices/detail.ts); amounts are bigint minor units.
 */
export type InvoiceDetail = {
  invoice: Invoice;
  displayStatus: DisplayStatus;
  customer: InvoiceCustomer;
  lines: InvoiceDetailLine[];
  /** per tax rate, summed from the line taxes, in first-use order */
  taxBreakdown: InvoiceTaxBreakdownRow[];
  template: InvoiceTemplate | null;
  /** money applied to the invoice, oldest first, reversals included */
  allocations: InvoiceAllocationRow[];
  creditNotes: InvoiceCreditNoteRow[];
};

export type InvoiceCustomer = {
  id: string;
  number: string;
  displayName: string;
  email: string | null;
  secondaryEmail: string | null;
  billingStreet: string | null;
  billingCity: string | null;
  billingRegion: string | null;
  billingPostalCode: string | null;
  billingCountry: string | null;
  taxId: string | null;
  currency: string;
};

export type InvoiceDetailLine = InvoiceLine & { taxes: InvoiceLineTax[] };

export type InvoiceTaxBreakdownRow = {
  taxRateId: string;
  name: string;
  /** exact decimal, e.g. "16.000" */
  percent: string;
  compound: boolean;
  taxable: bigint;
  amount: bigint;
};

export type InvoiceAllocationRow = {
  id: string;
  kind: "payment" | "credit_note";
  /** the payment's or the credit note's id and number */
  sourceId: string;
  sourceNumber: string;
  amount: bigint;
  createdAt: Date;
  /** a negative row that undoes an earlier one */
  isReversal: boolean;
};

export type InvoiceCreditNoteRow = { id: string; number: string; issueDate: string; reason: string; total: bigint };
