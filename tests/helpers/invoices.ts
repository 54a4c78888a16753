import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { invoices, taxRates, users, type Customer, type Invoice, type Product, type TaxRate } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { createCustomer } from "@/lib/customers/commands";
import { addDaysIso, todayIso } from "@/lib/invoices/dates";
import { createDraft } from "@/lib/invoices/drafts";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import type { InvoiceDraftInput } from "@/lib/invoices/schemas";
import { createProduct } from "@/lib/products/commands";
import { productInputSchema } from "@/lib/products/schemas";
import { customerInput } from "./customers";

/** What invoice tests need: a finance actor, a USD and a KES customer, two taxes and a product. */
export type InvoiceWorld = {
  actor: Actor;
  /** USD, 30 days' payment terms */
  customer: Customer;
  /** KES, 15 days' payment terms */
  kesCustomer: Customer;
  /** 16%, normal */
  vat16: TaxRate;
  /** 10%, compound: charged on the line's taxable amount plus its VAT */
  exciseCompound: TaxRate;
  /** "Consulting", USD 150.00 an hour, VAT by default */
  product: Product;
};

let worlds = 0;

/**
 * Seeds the demo company (once per database) and adds a fresh world of its own, so a file can
 * call it in several tests without the worlds seeing each other's customers.
 */
export async function seedInvoiceWorld(db: Db): Promise<InvoiceWorld> {
  await seedIfEmpty(db, () => {});
  const [finance] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, "finance"));
  if (!finance) throw new Error("the demo seed has no finance user");
  const actor: Actor = { userId: finance.id, label: finance.email };
  const n = ++worlds;
  const customer = await saveCustomer(db, actor, { companyName: `Acme ${n} Ltd`, email: `billing${n}@acme.test`, currency: "USD", paymentTerms: 30 });
  const kesCustomer = await saveCustomer(db, actor, { companyName: `Nairobi ${n} Traders`, currency: "KES", paymentTerms: 15 });
  const [vat16, exciseCompound] = await db
    .insert(taxRates)
    .values([
      { name: `VAT 16% (${n})`, percent: "16.000", country: "KE" },
      { name: `Excise 10% (${n})`, percent: "10.000", compound: true },
    ])
    .returning();
  if (!vat16 || !exciseCompound) throw new Error("tax rates insert returned no rows");
  const product = await createProduct(
    db,
    productInputSchema.parse({ name: `Consulting ${n}`, sku: "", description: "", unit: "hour", unitPrice: "150.00", currency: "USD", defaultTaxRateId: vat16.id }),
    actor,
  );
  return { actor, customer, kesCustomer, vat16, exciseCompound, product };
}

async function saveCustomer(db: Db, actor: Actor, values: Parameters<typeof customerInput>[0]): Promise<Customer> {
  const result = await createCustomer(db, customerInput(values), actor, { allowDuplicate: true });
  if (result.status !== "saved") throw new Error("expected a saved customer");
  return result.customer;
}

/**
 * A valid draft for the world's USD customer, issued today and due in 30 days, with two lines:
 *   0. the product, 2 h × 150.00, VAT 16%                          → net 300.00, tax 48.00
 *   1. "Hosting", 1.5 × 99.99 less 10%, VAT 16% + excise 10% compound → net 134.99, tax 21.60 + 15.66
 * Totals: subtotal 434.99, tax 85.26, total 520.25 (USD minor units in the fields).
 */
export function draftInput(world: InvoiceWorld, overrides: Partial<InvoiceDraftInput> = {}): InvoiceDraftInput {
  const issueDate = overrides.issueDate ?? todayIso();
  return {
    customerId: world.customer.id,
    currency: "USD",
    confirmCurrency: false,
    issueDate,
    dueDate: addDaysIso(issueDate, 30),
    poNumber: null,
    templateId: null,
    discount: null,
    notes: "Thank you for your business.",
    terms: null,
    footer: null,
    lines: [
      { productId: world.product.id, description: "Consulting", unit: "hour", quantity: 20_000n, unitPrice: 15_000n, discountPercent: 0n, taxRateIds: [world.vat16.id] },
      { productId: null, description: "Hosting", unit: "month", quantity: 15_000n, unitPrice: 9_999n, discountPercent: 10_000n, taxRateIds: [world.vat16.id, world.exciseCompound.id] },
    ],
    ...overrides,
  };
}

/** A draft made from draftInput (with the overrides) and finalized: the stored row. */
export async function createFinalizedInvoice(db: Db, world: InvoiceWorld, overrides: Partial<InvoiceDraftInput> = {}): Promise<Invoice> {
  const { id } = await createDraft(db, draftInput(world, overrides), world.actor);
  await finalizeInvoice(db, id, world.actor);
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
  if (!row) throw new Error("the finalized invoice vanished");
  return row;
}
