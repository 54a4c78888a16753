import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as creditNotePdf } from "@/app/api/credit-notes/[id]/pdf/route";
import { GET as invoicePdf } from "@/app/api/invoices/[id]/pdf/route";
import type { Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { createCreditNote } from "@/lib/credit-notes/create";
import { createDraft } from "@/lib/invoices/drafts";
import { publicTokenFor } from "@/lib/invoices/public-link";
import { createTestDatabase } from "../helpers/db";
import { createFinalizedInvoice, draftInput, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";
import { pdfText } from "../unit/pdf-fixtures";

// The session is the one thing faked: who is signed in. The database is real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const database = await createTestDatabase();
const { db } = database;
// getDb() hands out the process's database from here: point it at this file's one
(globalThis as { __cleanpayDb?: Promise<typeof database> }).__cleanpayDb = Promise.resolve(database);

let world: InvoiceWorld;
beforeAll(async () => {
  world = await seedInvoiceWorld(db);
});

const signIn = (role: Role | null) => {
  session.user = role ? { id: "0b6f1d7e-3c2a-4e5f-9a8b-7c6d5e4f3a2b", email: `${role}@acacia.test`, name: role, role, totpEnabled: false } : null;
};

const get = (route: typeof invoicePdf, id: string, query = "") => route(new NextRequest(`http://localhost/api/x/${id}/pdf${query}`), { params: Promise.resolve({ id }) });

describe("GET /api/invoices/[id]/pdf", () => {
  it("serves staff who may read invoices a private download named by the number", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    for (const role of ["viewer", "finance", "admin"] as const) {
      signIn(role);
      const response = await get(invoicePdf, invoice.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${invoice.number}.pdf"`);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      if (role === "viewer") expect(pdfText(Buffer.from(await response.arrayBuffer()))).toContain(invoice.number!);
    }
    signIn("finance");
    expect((await get(invoicePdf, invoice.id, "?inline=1")).headers.get("Content-Disposition")).toBe(`inline; filename="${invoice.number}.pdf"`);
  });

  it("names a draft's file by its id", async () => {
    signIn("finance");
    const { id } = await createDraft(db, draftInput(world), world.actor);
    const response = await get(invoicePdf, id);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="draft-${id.slice(0, 8)}.pdf"`);
  });

  it("serves anyone holding this invoice's public link, and nobody with another's", async () => {
    signIn(null);
    const invoice = await createFinalizedInvoice(db, world);
    const other = await createFinalizedInvoice(db, world);
    const ok = await get(invoicePdf, invoice.id, `?token=${publicTokenFor(invoice)}&inline=1`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Disposition")).toBe(`inline; filename="${invoice.number}.pdf"`);
    expect((await get(invoicePdf, other.id, `?token=${publicTokenFor(invoice)}`)).status).toBe(404);
  });

  it("answers 404 alike for strangers, customers, unknown ids and bad tokens", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    signIn(null);
    const anonymous = await get(invoicePdf, invoice.id);
    expect(anonymous.status).toBe(404);
    expect(anonymous.headers.get("Content-Type")).toContain("text/plain");
    expect((await get(invoicePdf, invoice.id, "?token=nonsense")).status).toBe(404);
    signIn("customer");
    expect((await get(invoicePdf, invoice.id)).status).toBe(404);
    signIn("admin");
    expect((await get(invoicePdf, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get(invoicePdf, "not-a-uuid")).status).toBe(404);
  });
});

describe("GET /api/credit-notes/[id]/pdf", () => {
  it("serves staff the credit note and answers 404 to anyone else", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const { id, number } = await createCreditNote(db, { invoiceId: invoice.id, reason: "Duplicate billing of March hosting.", lines: "all", excess: "credit" }, world.actor);
    signIn("viewer");
    const response = await get(creditNotePdf, id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${number}.pdf"`);
    expect(pdfText(Buffer.from(await response.arrayBuffer()))).toContain(`CREDIT NOTE ${number}`);

    signIn("customer");
    expect((await get(creditNotePdf, id)).status).toBe(404);
    signIn(null);
    expect((await get(creditNotePdf, id)).status).toBe(404);
    signIn("finance");
    expect((await get(creditNotePdf, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
