import { describe, expect, it } from "vitest";
import type { Payment } from "@/db/schema";
import { receiptMethod, receiptReference, type ReceiptPdfData } from "@/lib/pdf/receipt-model";
import { renderReceiptPdfData } from "@/lib/pdf/receipt-render";
import { pdfData, pdfText } from "./pdf-fixtures";

const company = pdfData({ lines: [{ description: "unused", quantity: "1", unitPrice: "1.00" }] }).company;

const payment: Payment = {
  id: "a1b2c3d4-0000-4000-8000-000000000001",
  number: "PAY-2026-00031",
  customerId: "a1b2c3d4-0000-4000-8000-000000000002",
  invoiceId: "a1b2c3d4-0000-4000-8000-000000000003",
  currency: "KES",
  amount: 1_500_000n,
  method: "local_wallet",
  status: "succeeded",
  origin: "customer",
  methodConfigId: null,
  reference: "QJK4XYZ12",
  note: null,
  receivedOn: "2026-03-21",
  gateway: null,
  gatewayCheckoutId: null,
  gatewayPaymentId: null,
  feeAmount: null,
  netAmount: null,
  payerEmail: null,
  failureReason: null,
  succeededAt: new Date("2026-03-21T09:00:00Z"),
  receiptNumber: "REC-2026-00012",
  decidedAt: null,
  decidedBy: null,
  rejectReason: null,
  voidedAt: null,
  voidReason: null,
  voidedBy: null,
  createdBy: null,
  createdAt: new Date("2026-03-21T09:00:00Z"),
  updatedAt: new Date("2026-03-21T09:00:00Z"),
};

/** KES 15,000.00 by M-Pesa over two invoices: 12,006.00 pays the first, 2,000.00 goes to the second, 994.00 is kept as credit. */
const data: ReceiptPdfData = {
  company,
  receipt: {
    payment,
    customer: {
      id: payment.customerId,
      number: "CUST-0007",
      displayName: "Savannah Lodges Ltd",
      firstName: null,
      email: "accounts@savannah.test",
      secondaryEmail: null,
      billingStreet: "Moi Avenue 12",
      billingCity: "Nairobi",
      billingRegion: null,
      billingPostalCode: "00100",
      billingCountry: "KE",
      taxId: null,
      currency: "KES",
    },
    applied: [
      { invoiceId: "i1", invoiceNumber: "INV-2026-00041", applied: 1_200_600n, amountDue: 0n },
      { invoiceId: "i2", invoiceNumber: "INV-2026-00042", applied: 200_000n, amountDue: 350_000n },
    ],
    keptAsCredit: 99_400n,
    creditBalance: 149_400n,
  },
};

describe("the receipt PDF", () => {
  it("prints the company, REC number, payer, method and reference, and each invoice with what is still due", async () => {
    const bytes = Buffer.from(await renderReceiptPdfData(data));
    const text = pdfText(bytes);
    expect(text).toContain(company.legalName);
    expect(text).toContain("RECEIPT REC-2026-00012");
    expect(text).toContain("RECEIVED FROM Savannah Lodges Ltd Moi Avenue 12");
    expect(text).toContain("Applied to Amount Still due");
    expect(text).toContain("Mar 21, 2026");
    expect(text).toContain("Method Mobile wallet");
    expect(text).toContain("Reference QJK4XYZ12");
    expect(text).toContain("Invoice INV-2026-00041 Paid in full KES 12,006.00 KES 0.00");
    expect(text).toContain("Invoice INV-2026-00042 KES 2,000.00 KES 3,500.00");
    expect(text).toContain("Amount paid KES 15,000.00");
    expect(text).toContain("Kept as credit KES 994.00");
    expect(text).toContain("Your credit balance KES 1,494.00");
  });

  it("says how the money came: gateway in brackets only when it adds something, the payer's reference before the gateway's id", () => {
    expect(receiptMethod({ method: "card", gateway: "stripe" })).toBe("Card (Stripe)");
    expect(receiptMethod({ method: "paypal", gateway: "paypal" })).toBe("PayPal");
    expect(receiptMethod({ method: "bank_transfer", gateway: null })).toBe("Bank transfer");
    expect(receiptReference({ reference: "  ", gatewayPaymentId: "pi_1" })).toBe("pi_1");
    expect(receiptReference({ reference: "EQ-1", gatewayPaymentId: "pi_1" })).toBe("EQ-1");
    expect(receiptReference({ reference: null, gatewayPaymentId: null })).toBeNull();
  });
});
