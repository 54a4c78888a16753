import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { invoices } from "@/db/schema";
import { createDraft } from "@/lib/invoices/drafts";
import { publicTokenFor } from "@/lib/invoices/public-link";
import { loadPublicInvoice } from "@/lib/invoices/public-view";
import { createTestDatabase } from "../helpers/db";
import { readInvoice } from "../helpers/invoice-rows";
import { createFinalizedInvoice, draftInput, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";

const { db } = await createTestDatabase();
let world: InvoiceWorld;

beforeAll(async () => {
  world = await seedInvoiceWorld(db);
});

/** The same token with one character of its signature changed (not the last: its low bits are padding). */
function tampered(token: string): string {
  const at = 40;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
}

describe("loadPublicInvoice", () => {
  it("returns null for a wrong, tampered, draft or revoked link, and counts nothing", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const token = publicTokenFor(invoice);
    expect(await loadPublicInvoice(db, "not-a-token", "customer")).toBeNull();
    expect(await loadPublicInvoice(db, tampered(token), "customer")).toBeNull();

    const { id } = await createDraft(db, draftInput(world), world.actor);
    expect(await loadPublicInvoice(db, publicTokenFor(await readInvoice(db, id)), "customer")).toBeNull();

    await db.update(invoices).set({ publicLinkNonce: "0123456789abcdef0123456789abcdef" }).where(eq(invoices.id, invoice.id));
    expect(await loadPublicInvoice(db, token, "customer")).toBeNull();
    expect(await readInvoice(db, invoice.id)).toMatchObject({ viewCount: 0, viewedAt: null, status: "finalized" });
  });

  it("shows staff the invoice without counting a customer view", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const view = await loadPublicInvoice(db, publicTokenFor(invoice), "staff");
    expect(view?.staffPreview).toBe(true);
    expect(view?.detail.invoice.id).toBe(invoice.id);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ viewCount: 0, viewedAt: null, status: "finalized" });
  });

  it("counts each customer view; the first sets viewedAt and makes the invoice viewed", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const token = publicTokenFor(invoice);
    const first = await loadPublicInvoice(db, token, "customer");
    expect(first?.staffPreview).toBe(false);
    expect(first?.detail.invoice).toMatchObject({ status: "viewed", viewCount: 1 });
    const viewedAt = (await readInvoice(db, invoice.id)).viewedAt;
    expect(viewedAt).toBeInstanceOf(Date);

    await loadPublicInvoice(db, token, "customer");
    const after = await readInvoice(db, invoice.id);
    expect(after.viewCount).toBe(2);
    expect(after.viewedAt).toEqual(viewedAt);
    expect(after.status).toBe("viewed");
  });

  it("gives the page everything it shows: lines, taxes, totals, the PDF link and how to pay", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const token = publicTokenFor(invoice);
    const view = await loadPublicInvoice(db, token, "customer");
    expect(view?.detail.lines).toHaveLength(2);
    expect(view?.detail.taxBreakdown.map((row) => row.name)).toEqual([world.vat16.name, world.exciseCompound.name]);
    expect(view?.detail.invoice).toMatchObject({ total: 52_025n, amountDue: 52_025n });
    expect(view?.detail.customer.displayName).toBe(world.customer.displayName);
    expect(view?.company.legalName).toBe("Demo Trading Ltd");
    expect(view?.pdfPath).toBe(`/api/invoices/${invoice.id}/pdf?token=${token}`);
    expect(view?.paymentInstructions).toContain(`Please quote ${invoice.number} with your payment.`);
    expect(view?.paymentInstructions.some((line) => line.includes(token))).toBe(false);
  });
});
