import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createCreditNoteSchema, type CreateCreditNoteFormValues } from "@/lib/credit-notes/schemas";
import { ALLOCATIONS_EXCEED_PAYMENT, applyCreditSchema, recordPaymentSchema, voidPaymentSchema, type RecordPaymentFormValues } from "@/lib/payments/schemas";

const CUSTOMER = "6f1c1f3e-8a43-4c1e-9a57-0c1a2b3c4d5e";
const INVOICE_A = "0b7e2f5a-1d2c-4e3f-8a9b-112233445566";
const INVOICE_B = "9c8d7e6f-5a4b-4c3d-9e2f-665544332211";

const form = (values: Partial<RecordPaymentFormValues> = {}): RecordPaymentFormValues => ({
  customerId: CUSTOMER,
  currency: "usd",
  amount: "1,250.50",
  method: "mpesa",
  reference: "  QK7 ",
  note: "",
  receivedOn: "2026-03-01",
  allocations: [
    { invoiceId: INVOICE_A, amount: "1,000" },
    { invoiceId: INVOICE_B, amount: "" },
  ],
  keepExcessAsCredit: true,
  ...values,
});

/** Messages by dotted path, the way the action wrapper reports them. */
function errors(result: { success: boolean; error?: z.ZodError }): Record<string, string[]> {
  expect(result.success).toBe(false);
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

describe("recordPaymentSchema", () => {
  it("turns text as typed into exact minor units and drops blank allocations", () => {
    expect(recordPaymentSchema.parse(form())).toEqual({
      customerId: CUSTOMER,
      currency: "USD",
      amount: 1_250_50n,
      method: "mpesa",
      reference: "QK7",
      note: null,
      receivedOn: "2026-03-01",
      allocations: [{ invoiceId: INVOICE_A, amount: 1_000_00n }],
      keepExcessAsCredit: true,
    });
  });

  it("uses the currency's decimals (JPY none, KWD three)", () => {
    expect(recordPaymentSchema.parse(form({ currency: "JPY", amount: "5000", allocations: [] })).amount).toBe(5000n);
    expect(recordPaymentSchema.parse(form({ currency: "KWD", amount: "1.125", allocations: [] })).amount).toBe(1125n);
    expect(errors(recordPaymentSchema.safeParse(form({ currency: "JPY", amount: "10.5", allocations: [] })))).toEqual({ amount: ["JPY has no decimal places."] });
  });

  it("reports each problem at its field", () => {
    const result = errors(
      recordPaymentSchema.safeParse(
        form({
          amount: "0",
          allocations: [
            { invoiceId: INVOICE_A, amount: "-5" },
            { invoiceId: INVOICE_B, amount: "abc" },
            { invoiceId: INVOICE_A, amount: "1" },
          ],
        }),
      ),
    );
    expect(result).toEqual({
      amount: ["The amount must be more than 0."],
      "allocations.0.amount": ["The amount cannot be negative."],
      "allocations.1.amount": ["Enter an amount such as 1,234.50."],
      "allocations.2.invoiceId": ["This invoice is listed twice."],
    });
  });

  it("accepts only the manual methods (card and PayPal come from the gateways)", () => {
    expect(errors(recordPaymentSchema.safeParse(form({ method: "card" as RecordPaymentFormValues["method"] })))).toEqual({ method: ["Choose how the money was paid."] });
  });

  it("refuses allocations that add up to more than the payment", () => {
    const result = errors(recordPaymentSchema.safeParse(form({ amount: "100", allocations: [{ invoiceId: INVOICE_A, amount: "60" }, { invoiceId: INVOICE_B, amount: "40.01" }] })));
    expect(result).toEqual({ amount: [ALLOCATIONS_EXCEED_PAYMENT] });
  });
});

describe("voidPaymentSchema and applyCreditSchema", () => {
  it("needs a reason to void", () => {
    expect(errors(voidPaymentSchema.safeParse({ paymentId: INVOICE_A, reason: "  " }))).toEqual({ reason: ["Say why the payment is voided."] });
  });

  it("parses the credit amount in the invoice's currency", () => {
    expect(applyCreditSchema.parse({ customerId: CUSTOMER, invoiceId: INVOICE_A, currency: "EUR", amount: "12.30" })).toEqual({ customerId: CUSTOMER, invoiceId: INVOICE_A, amount: 12_30n });
    expect(errors(applyCreditSchema.safeParse({ customerId: CUSTOMER, invoiceId: INVOICE_A, currency: "EUR", amount: "0" }))).toEqual({ amount: ["The amount must be more than 0."] });
  });
});

describe("createCreditNoteSchema", () => {
  const note = (values: Partial<CreateCreditNoteFormValues> = {}): CreateCreditNoteFormValues => ({
    invoiceId: INVOICE_A,
    reason: " Damaged ",
    scope: "lines",
    lines: [
      { invoiceLineId: INVOICE_A, quantity: "1.5" },
      { invoiceLineId: INVOICE_B, quantity: "" },
    ],
    excess: "credit",
    refundMethod: "",
    ...values,
  });

  it("scales quantities and drops blank lines", () => {
    expect(createCreditNoteSchema.parse(note())).toEqual({
      invoiceId: INVOICE_A,
      reason: "Damaged",
      lines: [{ invoiceLineId: INVOICE_A, quantity: 15_000n }],
      excess: "credit",
      refundMethod: undefined,
    });
    expect(createCreditNoteSchema.parse(note({ scope: "all" })).lines).toBe("all");
  });

  it("needs a line, readable quantities, a reason, and a refund method for a refund", () => {
    expect(errors(createCreditNoteSchema.safeParse(note({ lines: [{ invoiceLineId: INVOICE_A, quantity: "0" }] })))).toEqual({ lines: ["Enter a quantity to credit on at least one line."] });
    expect(errors(createCreditNoteSchema.safeParse(note({ lines: [{ invoiceLineId: INVOICE_A, quantity: "1.23456" }] })))).toEqual({
      "lines.0.quantity": ["A quantity has at most 4 decimals."],
    });
    expect(errors(createCreditNoteSchema.safeParse(note({ reason: "", excess: "refund" })))).toEqual({
      reason: ["Say why the invoice is credited."],
    });
    expect(errors(createCreditNoteSchema.safeParse(note({ excess: "refund" })))).toEqual({ refundMethod: ["Choose how the money is refunded."] });
    expect(createCreditNoteSchema.parse(note({ excess: "refund", refundMethod: "cash" })).refundMethod).toBe("cash");
  });
});
