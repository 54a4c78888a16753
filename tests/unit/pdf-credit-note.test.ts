import { describe, expect, it } from "vitest";
import type { CreditNoteDetail } from "@/lib/credit-notes/queries";
import { renderCreditNotePdf } from "@/lib/pdf/render";
import { pdfData, pdfText, template } from "./pdf-fixtures";

const at = new Date("2026-03-20T08:30:00Z");
const invoiceDetail = pdfData({ lines: [{ description: "unused", quantity: "1", unitPrice: "1.00" }] }).detail;

/**
 * CN-2026-00003 credits part of INV-2026-00042 (KES): 4 of 10 carpet-cleaning hours at 2,500.00
 * (net 10,000.00, VAT 1,600.00) and a 350.00 call-out fee (VAT 56.00). Total 12,006.00: 7,006.00
 * reduced the invoice, 5,000.00 was refunded by M-Pesa.
 */
function creditNote(): CreditNoteDetail {
  const creditNoteId = "c7e1a2b3-4d5e-4f60-8a9b-0c1d2e3f4a5b";
  const line = (position: number, description: string, quantity: bigint, net: bigint, tax: bigint) => ({
    id: `d0000000-0000-4000-8000-00000000000${position}`,
    creditNoteId,
    invoiceLineId: `00000000-0000-4000-8000-00000000000${position}`,
    position,
    description,
    quantity,
    net,
    tax,
    total: net + tax,
    unit: position === 1 ? "hr" : null,
    taxNames: ["VAT"],
  });
  return {
    creditNote: {
      id: creditNoteId,
      number: "CN-2026-00003",
      invoiceId: invoiceDetail.invoice.id,
      customerId: invoiceDetail.customer.id,
      currency: "KES",
      reason: "Carpet cleaning in the east wing was cancelled by the client; call-out fee waived.",
      issueDate: "2026-03-20",
      subtotal: 1_035_000n,
      taxTotal: 165_600n,
      total: 1_200_600n,
      createdBy: null,
      createdAt: at,
      updatedAt: at,
    },
    invoice: { id: invoiceDetail.invoice.id, number: "INV-2026-00042", issueDate: "2026-03-02", total: 4_500_000n },
    customer: invoiceDetail.customer,
    lines: [line(1, "Carpet cleaning, east wing", 40_000n, 1_000_000n, 160_000n), line(2, "Call-out fee", 10_000n, 35_000n, 5_600n)],
    applied: [{ invoiceId: invoiceDetail.invoice.id, invoiceNumber: "INV-2026-00042", amount: 700_600n }],
    refunds: [
      {
        id: "e0000000-0000-4000-8000-000000000001",
        customerId: invoiceDetail.customer.id,
        paymentId: null,
        creditNoteId,
        currency: "KES",
        amount: 500_000n,
        method: "mpesa",
        reference: "QJK4T7XY2P",
        refundedOn: "2026-03-21",
        status: "succeeded",
        origin: "staff",
        reason: null,
        gateway: null,
        gatewayRefundId: null,
        failureReason: null,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
      },
    ],
    remaining: 0n,
  };
}

describe("credit note PDF", () => {
  it("prints its number, the invoice it credits, the customer, each line, the totals and the reason", async () => {
    const company = pdfData({ lines: [{ description: "unused", quantity: "1", unitPrice: "1.00" }] }).company;
    const text = pdfText(await renderCreditNotePdf({ detail: creditNote(), company, template: template({ accentColor: "#b45309", footerText: "Acacia Cleaning Services Ltd" }) }));

    expect(text).toContain("CREDIT NOTE CN-2026-00003");
    expect(text).toContain("Invoice INV-2026-00042");
    expect(text).toContain("Issue date Mar 20, 2026");
    expect(text).toContain("Savannah Logistics Ltd");
    expect(text).toContain("Carpet cleaning, east wing");
    expect(text).toContain("4 hr KES 10,000.00 KES 1,600.00 KES 11,600.00");
    expect(text).toContain("Call-out fee");
    expect(text).toContain("Subtotal KES 10,350.00");
    expect(text).toContain("Tax KES 1,656.00");
    expect(text).toContain("Total credited KES 12,006.00");
    expect(text).toContain("Applied to INV-2026-00042 -KES 7,006.00");
    expect(text).toContain("Refunded -KES 5,000.00");
    expect(text).toContain("Remaining credit KES 0.00");
    expect(text).toContain("Carpet cleaning in the east wing was cancelled by the client; call-out fee waived.");
    expect(text).toContain("Acacia Cleaning Services Ltd CN-2026-00003 · Page 1 of 1");
  });
});
