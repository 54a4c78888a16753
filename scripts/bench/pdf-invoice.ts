import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { taxRates } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { blankCustomerForm } from "@/components/customers/form/form-values";
import { createCustomer } from "@/lib/customers/commands";
import { customerInputSchema } from "@/lib/customers/schemas";
import { addDaysIso, todayIso } from "@/lib/invoices/dates";
import { createDraft } from "@/lib/invoices/drafts";
import { finalizeInvoice } from "@/lib/invoices/finalize";

const SERVICES = ["Office deep clean", "Carpet shampoo", "Window cleaning (rope access)", "Washroom sanitising", "Kitchen degreasing"];

/** The customer every bench invoice is billed to, made as staff would make one. */
export async function benchCustomer(db: Db, actor: Actor): Promise<string> {
  const saved = await createCustomer(
    db,
    customerInputSchema.parse({
      ...blankCustomerForm({ currency: "USD", paymentTerms: 30 }),
      companyName: "Savannah Logistics Ltd",
      email: "accounts@savannah.test",
      billingStreet: "Mombasa Road, Block C",
      billingCity: "Nairobi",
      billingPostalCode: "00100",
      billingCountry: "KE",
    }),
    actor,
    { allowDuplicate: true },
  );
  if (saved.status !== "saved") throw new Error("the PDF bench could not create its customer");
  return saved.customer.id;
}

/** A finalized invoice with `lines` lines for the customer, with the seed's VAT on every line. */
export async function invoiceWithLines(db: Db, actor: Actor, customerId: string, lines: number): Promise<string> {
  const [vat] = await db.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.name, "VAT 16%"));
  const issueDate = todayIso();
  const { id } = await createDraft(
    db,
    {
      customerId,
      currency: "USD",
      confirmCurrency: false,
      issueDate,
      dueDate: addDaysIso(issueDate, 30),
      poNumber: `PO-BENCH-${lines}`,
      templateId: null,
      discount: null,
      notes: "Thank you for your business.",
      terms: "Payment due within 30 days.",
      footer: null,
      lines: Array.from({ length: lines }, (_, i) => ({
        productId: null,
        description: `${SERVICES[i % SERVICES.length]}, site ${i + 1}`,
        unit: "hr",
        quantity: BigInt(10_000 * (1 + (i % 6))),
        unitPrice: 4_250n + BigInt(i * 125),
        discountPercent: i % 7 === 0 ? 5_000n : 0n,
        taxRateIds: vat ? [vat.id] : [],
      })),
    },
    actor,
  );
  await finalizeInvoice(db, id, actor);
  return id;
}
