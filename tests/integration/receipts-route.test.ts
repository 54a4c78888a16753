import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as receiptPdf } from "@/app/api/payments/[id]/receipt/route";
import { allocations, payments, type Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { createTestDatabase } from "../helpers/db";
import { createFinalizedInvoice, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";
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

const get = (id: string, query = "") => receiptPdf(new NextRequest(`http://localhost/api/payments/${id}/receipt${query}`), { params: Promise.resolve({ id }) });

let seq = 0;
async function payment(status: "succeeded" | "pending" | "failed") {
  const invoice = await createFinalizedInvoice(db, world);
  const n = ++seq;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(payments)
      .values({
        number: `PAY-2026-8${String(n).padStart(4, "0")}`,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        currency: "USD",
        amount: invoice.total,
        method: "paypal",
        status,
        origin: "customer",
        gateway: "paypal",
        gatewayPaymentId: `CAPTURE-${n}`,
        receivedOn: "2026-03-09",
        receiptNumber: status === "succeeded" ? `REC-2026-8${String(n).padStart(4, "0")}` : null,
      })
      .returning();
    if (status === "succeeded") {
      await tx.insert(allocations).values({ invoiceId: invoice.id, paymentId: row!.id, amount: invoice.total });
      await refreshInvoiceBalance(tx, invoice.id);
    }
    return { payment: row!, invoice };
  });
}

describe("GET /api/payments/[id]/receipt", () => {
  it("serves staff who may read payments the receipt PDF, named by its REC number", async () => {
    const { payment: paid, invoice } = await payment("succeeded");
    for (const role of ["viewer", "finance", "admin"] as const) {
      signIn(role);
      const response = await get(paid.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${paid.receiptNumber}.pdf"`);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      if (role === "viewer") {
        const text = pdfText(Buffer.from(await response.arrayBuffer()));
        expect(text).toContain(paid.receiptNumber!);
        expect(text).toContain("$520.25");
        expect(text).toContain(`Invoice ${invoice.number}`);
        expect(text).toContain("Method PayPal");
        expect(text).not.toContain("PayPal (PayPal)");
        expect(text).toContain("CAPTURE-");
      }
    }
    expect((await get(paid.id, "?inline=1")).headers.get("Content-Disposition")).toBe(`inline; filename="${paid.receiptNumber}.pdf"`);
  });

  it("answers 404 to anyone else, and for payments that have no receipt", async () => {
    const { payment: paid } = await payment("succeeded");
    for (const role of [null, "customer"] as const) {
      signIn(role);
      expect((await get(paid.id)).status).toBe(404);
    }
    signIn("admin");
    for (const status of ["pending", "failed"] as const) {
      const { payment: unpaid } = await payment(status);
      expect((await get(unpaid.id)).status).toBe(404);
    }
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
  });
});
