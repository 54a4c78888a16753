import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { createBenchDatabase } from "./database";
import type { Db } from "@/db";
import { taxRates, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { blankCustomerForm } from "@/components/customers/form/form-values";
import { createCustomer } from "@/lib/customers/commands";
import { addDaysIso, todayIso } from "@/lib/invoices/dates";
import { createDraft } from "@/lib/invoices/drafts";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { customerInputSchema } from "@/lib/customers/schemas";
import { loadInvoicePdfData } from "@/lib/pdf/load";
import { renderInvoicePdf } from "@/lib/pdf/render";
import { percentile, round } from "./stats";

// The PDF carries the invoice's signed public link (lib/invoices/public-link.ts). Set at import,
// before anything reads the environment, so a bench run without AUTH_SECRET still works.
process.env.AUTH_SECRET ||= randomBytes(32).toString("base64");

export interface PdfMeasure {
  label: string;
  lines: number;
  pages: number;
  kilobytes: number;
  renders: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export const PDF_WARM_UP = 2;
export const PDF_RENDERS = 20;
const LINES = 50;

const SERVICES = ["Office deep clean", "Carpet shampoo", "Window cleaning (rope access)", "Washroom sanitising", "Kitchen degreasing"];

/** A finalized 50-line invoice for a fresh customer, as staff would make one, with the seed's VAT. */
async function fiftyLineInvoice(db: Db, actor: Actor): Promise<string> {
  const [vat] = await db.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.name, "VAT 16%"));
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
  const issueDate = todayIso();
  const { id } = await createDraft(
    db,
    {
      customerId: saved.customer.id,
      currency: "USD",
      confirmCurrency: false,
      issueDate,
      dueDate: addDaysIso(issueDate, 30),
      poNumber: "PO-BENCH-50",
      templateId: null,
      discount: null,
      notes: "Thank you for your business.",
      terms: "Payment due within 30 days.",
      footer: null,
      lines: Array.from({ length: LINES }, (_, i) => ({
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

/**
 * Times renderInvoicePdf on a 50-line invoice (the data loaded once, as the route does per
 * request): 2 warm-ups, then 20 renders one after another.
 */
export async function measurePdf(db: Db, actor: Actor): Promise<PdfMeasure> {
  const data = await loadInvoicePdfData(db, await fiftyLineInvoice(db, actor), "http://localhost:3000");
  if (!data) throw new Error("the PDF bench's invoice did not load");
  let bytes = await renderInvoicePdf(data);
  for (let i = 1; i < PDF_WARM_UP; i++) bytes = await renderInvoicePdf(data);
  const times: number[] = [];
  for (let i = 0; i < PDF_RENDERS; i++) {
    const started = performance.now();
    bytes = await renderInvoicePdf(data);
    times.push(performance.now() - started);
  }
  return {
    label: `${LINES}-line invoice`,
    lines: LINES,
    // each page object is "/Type /Page" (the tree root is "/Type /Pages")
    pages: (bytes.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length,
    kilobytes: round(bytes.length / 1024, 1),
    renders: PDF_RENDERS,
    p50Ms: round(percentile(times, 50), 1),
    p95Ms: round(percentile(times, 95), 1),
    maxMs: round(Math.max(...times), 1),
  };
}

/** The PDF bench alone (`npm run bench -- pdf`): a throw-away database with the demo seed. */
export async function benchPdf(serverUrl: string): Promise<PdfMeasure> {
  const bench = await createBenchDatabase(serverUrl);
  try {
    await seedIfEmpty(bench.db, () => {});
    const [finance] = await bench.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, "finance"));
    console.log(`Timing the invoice PDF (${PDF_WARM_UP} warm-up + ${PDF_RENDERS} renders)…`);
    return await measurePdf(bench.db, { userId: finance?.id ?? null, label: finance?.email ?? "bench" });
  } finally {
    await bench.drop();
  }
}
