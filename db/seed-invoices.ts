import { eq } from "drizzle-orm";
import { blankCustomerForm } from "@/components/customers/form/form-values";
import type { Actor } from "@/lib/audit";
import { createCustomer } from "@/lib/customers/commands";
import { customerInputSchema, type CustomerFormValues } from "@/lib/customers/schemas";
import { createTemplate } from "@/lib/invoice-templates/commands";
import { blankTemplateValues, templateFieldsSchema } from "@/lib/invoice-templates/schemas";
import { addDaysIso, todayIso } from "@/lib/invoices/dates";
import { createDraft } from "@/lib/invoices/drafts";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { markSent, recordPublicView, voidInvoice } from "@/lib/invoices/lifecycle";
import { invoiceDraftSchema } from "@/lib/invoices/schemas";
import { minorToDecimalString, parseMoney } from "@/lib/money";
import { recordPayment } from "@/lib/payments/record";
import type { ManualPaymentMethod } from "@/lib/payments/schemas";
import { createProduct } from "@/lib/products/commands";
import { productInputSchema, type ProductFormValues } from "@/lib/products/schemas";
import type { Db } from "./index";
import { invoices, type Customer, type Product } from "./schema";

// Sample business for the demo company: built with the same domain functions the app uses, so
// every figure, number, status and audit row is what the app itself would have produced.

const CUSTOMERS = {
  savannah: { companyName: "Savannah Coffee Roasters Ltd", email: "accounts@savannah-coffee.test", phone: "+254 712 345 678", billingCity: "Nairobi", billingCountry: "KE", currency: "KES", paymentTerms: 30 },
  rift: { companyName: "Rift Valley Logistics", email: "finance@riftvalley-logistics.test", phone: "+254 722 100 200", billingCity: "Nakuru", billingCountry: "KE", currency: "KES", paymentTerms: 15 },
  lakeside: { companyName: "Lakeside Dental Clinic", email: "office@lakeside-dental.test", billingCity: "Kisumu", billingCountry: "KE", currency: "KES", paymentTerms: 30 },
  northwind: { companyName: "Northwind Analytics Inc.", email: "ap@northwind-analytics.test", billingCity: "San Francisco", billingCountry: "US", currency: "USD", paymentTerms: 30 },
  // the demo customer login's own account
  tomer: { firstName: "Cus", lastName: "Tomer", email: "customer@demo.cleanpay.test", billingCity: "Mombasa", billingCountry: "KE", currency: "KES", paymentTerms: 7 },
} satisfies Record<string, Partial<CustomerFormValues>>;
type CustomerKey = keyof typeof CUSTOMERS;

type ProductSpec = Pick<ProductFormValues, "name" | "sku" | "description" | "unit" | "unitPrice" | "currency"> & { tax: "vat" | "zero" };
const PRODUCTS = {
  maintenance: { name: "Website maintenance", sku: "WEB-MAINT", description: "Updates, backups and monitoring", unit: "month", unitPrice: "25,000.00", currency: "KES", tax: "vat" },
  consulting: { name: "Consulting", sku: "CONSULT", description: "", unit: "hour", unitPrice: "4,500.00", currency: "KES", tax: "vat" },
  training: { name: "Staff training workshop", sku: "TRAIN-DAY", description: "On-site, up to 15 people", unit: "day", unitPrice: "60,000.00", currency: "KES", tax: "vat" },
  accessPoint: { name: "Wi-Fi access point", sku: "AP-WIFI6", description: "Wi-Fi 6, ceiling mount", unit: "piece", unitPrice: "18,500.00", currency: "KES", tax: "vat" },
  hosting: { name: "Cloud hosting", sku: "HOST-STD", description: "Standard plan", unit: "month", unitPrice: "49.00", currency: "USD", tax: "zero" },
  retainer: { name: "Support retainer", sku: "SUP-RET", description: "Business-hours support, 20 h included", unit: "month", unitPrice: "1,200.00", currency: "USD", tax: "zero" },
} satisfies Record<string, ProductSpec>;
type ProductKey = keyof typeof PRODUCTS;

/** A line from the catalog (its price unless given) or free text. */
type LineSpec = { quantity: string; discountPercent?: string } & ({ product: ProductKey } | { description: string; unit: string; unitPrice: string });

type Payment = { amount: "full" | string; method: ManualPaymentMethod; reference: string; receivedDaysAgo: number };

/** How far each invoice gets: its stored status follows from these steps. */
type InvoiceSpec = {
  customer: CustomerKey;
  issuedDaysAgo: number;
  lines: LineSpec[];
  steps: "draft" | "sent" | "viewed" | { voidReason: string };
  payment?: Payment;
  poNumber?: string;
};

// Oldest first, so invoice numbers follow issue dates. Due dates come from each customer's terms;
// every date is relative to today, so the overdue one stays overdue whenever the seed runs.
const INVOICES: InvoiceSpec[] = [
  { customer: "rift", issuedDaysAgo: 70, lines: [{ product: "accessPoint", quantity: "2" }], steps: "sent", payment: { amount: "full", method: "check", reference: "CHQ 004512", receivedDaysAgo: 58 } },
  {
    customer: "rift",
    issuedDaysAgo: 45,
    poNumber: "RVL-PO-2291",
    lines: [{ product: "accessPoint", quantity: "4" }, { description: "Installation and cabling", unit: "job", unitPrice: "12,000.00", quantity: "1" }],
    steps: "sent",
  },
  {
    customer: "northwind",
    issuedDaysAgo: 40,
    lines: [{ product: "retainer", quantity: "1" }, { product: "hosting", quantity: "3" }],
    steps: "viewed",
    payment: { amount: "full", method: "bank_transfer", reference: "NW-REMIT-4471", receivedDaysAgo: 12 },
  },
  {
    customer: "savannah",
    issuedDaysAgo: 20,
    lines: [{ product: "maintenance", quantity: "1" }, { product: "consulting", quantity: "6", discountPercent: "10" }],
    steps: "viewed",
    payment: { amount: "20,000.00", method: "mpesa", reference: "QK7H2M9XPL", receivedDaysAgo: 4 },
  },
  { customer: "lakeside", issuedDaysAgo: 12, lines: [{ product: "consulting", quantity: "3" }], steps: { voidReason: "Issued to the wrong clinic branch; replaced by a new invoice." } },
  {
    customer: "lakeside",
    issuedDaysAgo: 6,
    lines: [{ product: "training", quantity: "1" }, { description: "Printed training handbooks", unit: "piece", unitPrice: "850.00", quantity: "12" }],
    steps: "viewed",
  },
  { customer: "tomer", issuedDaysAgo: 3, lines: [{ product: "consulting", quantity: "2.5" }], steps: "sent" },
  { customer: "savannah", issuedDaysAgo: 0, lines: [{ product: "maintenance", quantity: "1" }, { product: "consulting", quantity: "4" }], steps: "draft" },
];

interface Context {
  tx: Db;
  actor: Actor;
  templateId: string;
  notes: string | null;
  terms: string | null;
  taxRateIds: { vat: string; zero: string };
  customers: Record<CustomerKey, Customer>;
  products: Record<ProductKey, Product>;
}

/** A default "Standard" template, six products, five customers and eight invoices in every status. */
export async function seedSampleData(tx: Db, options: { actor: Actor; vatRateId: string; zeroRateId: string }): Promise<void> {
  const { actor } = options;
  const taxRateIds = { vat: options.vatRateId, zero: options.zeroRateId };
  const template = await createTemplate(
    tx,
    templateFieldsSchema.parse({
      ...blankTemplateValues(),
      name: "Standard",
      accentColor: "#0f766e",
      headerText: "Tax invoice",
      footerText: "Demo Trading Ltd · PIN P051234567X · billing@demo.cleanpay.test",
      defaultNotes: "Thank you for your business.",
      defaultTerms: "Pay by bank transfer to Demo Bank, account 0123456789, or M-Pesa paybill 123456 with the invoice number as the account.",
    }),
    actor,
  );

  const products = {} as Record<ProductKey, Product>;
  for (const [key, { tax, ...values }] of Object.entries(PRODUCTS) as [ProductKey, ProductSpec][]) {
    products[key] = await createProduct(tx, productInputSchema.parse({ ...values, defaultTaxRateId: taxRateIds[tax] }), actor);
  }

  const customers = {} as Record<CustomerKey, Customer>;
  for (const [key, values] of Object.entries(CUSTOMERS) as [CustomerKey, Partial<CustomerFormValues>][]) {
    const input = customerInputSchema.parse({ ...blankCustomerForm({ currency: "USD", paymentTerms: 30 }), ...values });
    const saved = await createCustomer(tx, input, actor, { allowDuplicate: true });
    if (saved.status !== "saved") throw new Error(`the demo customer ${key} was not saved`);
    customers[key] = saved.customer;
  }

  const context: Context = { tx, actor, templateId: template.id, notes: template.defaultNotes, terms: template.defaultTerms, taxRateIds, customers, products };
  for (const spec of INVOICES) await seedInvoice(context, spec);
}

function draftFor(context: Context, spec: InvoiceSpec) {
  const customer = context.customers[spec.customer];
  const taxRateId = customer.currency === "KES" ? context.taxRateIds.vat : context.taxRateIds.zero;
  const issueDate = addDaysIso(todayIso(), -spec.issuedDaysAgo);
  return invoiceDraftSchema.parse({
    customerId: customer.id,
    currency: customer.currency,
    confirmCurrency: false,
    issueDate,
    dueDate: addDaysIso(issueDate, customer.paymentTerms),
    poNumber: spec.poNumber ?? "",
    templateId: context.templateId,
    discountKind: "none",
    discountValue: "",
    notes: context.notes ?? "",
    terms: context.terms ?? "",
    footer: "",
    lines: spec.lines.map((line) => {
      const product = "product" in line ? context.products[line.product] : null;
      return {
        productId: product?.id ?? "",
        description: product ? product.name : "description" in line ? line.description : "",
        unit: product ? (product.unit ?? "") : "unit" in line ? line.unit : "",
        quantity: line.quantity,
        unitPrice: product ? minorToDecimalString(product.unitPrice, product.currency) : "unitPrice" in line ? line.unitPrice : "",
        discountPercent: line.discountPercent ?? "",
        taxRateIds: [taxRateId],
      };
    }),
  });
}

async function seedInvoice(context: Context, spec: InvoiceSpec): Promise<void> {
  const { tx, actor } = context;
  const { id } = await createDraft(tx, draftFor(context, spec), actor);
  if (spec.steps === "draft") return;
  await finalizeInvoice(tx, id, actor);
  await markSent(tx, id, actor);
  if (typeof spec.steps === "object") return voidInvoice(tx, id, spec.steps.voidReason, actor);
  if (spec.steps === "viewed") await recordPublicView(tx, id);
  if (spec.payment) await pay(context, id, spec.payment);
}

async function pay(context: Context, invoiceId: string, payment: Payment): Promise<void> {
  const [invoice] = await context.tx.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice) throw new Error("the demo invoice vanished");
  const parsed = payment.amount === "full" ? { ok: true as const, minor: invoice.amountDue } : parseMoney(payment.amount, invoice.currency);
  if (!parsed.ok) throw new Error(`bad demo payment amount ${payment.amount}`);
  await recordPayment(
    context.tx,
    {
      customerId: invoice.customerId,
      currency: invoice.currency,
      amount: parsed.minor,
      method: payment.method,
      reference: payment.reference,
      note: null,
      receivedOn: addDaysIso(todayIso(), -payment.receivedDaysAgo),
      allocations: [{ invoiceId, amount: parsed.minor }],
      keepExcessAsCredit: false,
    },
    context.actor,
  );
}
