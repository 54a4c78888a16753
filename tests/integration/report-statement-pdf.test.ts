import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/reports/statement/pdf/route";
import type { Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { UserError } from "@/lib/errors";
import { statementPdf } from "@/lib/pdf/statement-render";
import { statementReport } from "@/lib/reports/statement";
import { createTestDatabase } from "../helpers/db";
import { seedReportBData } from "../helpers/report-b-data";
import { pdfText } from "../unit/pdf-fixtures";

// The session is the one thing faked: who is signed in. The database is real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const database = await createTestDatabase();
const { db } = database;
// getDb() hands out the process's database from here: point it at this file's one
(globalThis as { __cleanpayDb?: Promise<typeof database> }).__cleanpayDb = Promise.resolve(database);
const data = await seedReportBData(db);
const { acme, beta } = data.customers;

const signIn = (role: Role | null) => {
  session.user = role ? { id: "0b6f1d7e-3c2a-4e5f-9a8b-7c6d5e4f3a2b", email: `${role}@acacia.test`, name: role, role, totpEnabled: false } : null;
};
const get = (query: string) => GET(new NextRequest(`http://localhost/api/reports/statement/pdf?${query}`));
const march = "from=2026-03-01&to=2026-03-31";

describe("statement PDF", () => {
  it("prints the customer, the period, opening balance, every line with its running balance and the closing balance", async () => {
    const text = pdfText(Buffer.from(await statementPdf(db, statementReport.params.parse({ customerId: acme, from: "2026-03-01", to: "2026-03-31" }))));
    const { invoices: inv, payments: pay, creditNotes: cn } = data;
    expect(text).toContain("Statement of account");
    expect(text).toContain("Acme Reports Ltd");
    expect(text).toContain("Mar 1, 2026");
    expect(text).toContain("Mar 31, 2026");
    expect(text).toContain("ACCOUNT IN JPY");
    expect(text).toContain("ACCOUNT IN USD");
    // opening, each entry (document, date, charge or credit, running balance), closing
    for (const line of [
      "Opening balance Mar 1, 2026 ¥115,000",
      `Invoice ${inv.iaj2} Mar 10, 2026 ¥50,000 ¥165,000`,
      `Credit note ${cn.cnj2} Against ${inv.iaj2} Mar 14, 2026 ¥20,000 ¥145,000`,
      `Payment ${pay.pa3} Bank transfer Mar 15, 2026 ¥100,000 ¥45,000`,
      `Refund ${pay.pa3} Staff refund Mar 25, 2026 ¥10,000 ¥55,000`,
      "Closing balance Mar 31, 2026 ¥55,000",
      "Opening balance Mar 1, 2026 $420.00",
      `Invoice ${inv.ia2} Mar 5, 2026 $500.00 $920.00`,
      `Payment ${pay.pg} Card Mar 18, 2026 $250.00 -$30.00`,
      `Invoice voided ${inv.ia3} Amount no longer due Mar 25, 2026 $150.00 $30.00`,
      `Refund ${cn.cna2} Staff refund Mar 27, 2026 $100.00 $80.00`,
      "Charges $910.00",
      "Credits $1,250.00",
      "Closing balance Mar 31, 2026 $80.00",
    ]) {
      expect(text).toContain(line);
    }
  });

  it("serves staff with reports.view a download named by customer and period, and 404 otherwise", async () => {
    for (const role of ["viewer", "finance", "admin"] as const) {
      signIn(role);
      const response = await get(`customerId=${beta}&${march}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="statement-CUST-\d+-2026-03-01-2026-03-31\.pdf"$/);
      if (role === "viewer") {
        const text = pdfText(Buffer.from(await response.arrayBuffer()));
        expect(text).toContain("Beta Reports Ltd");
        expect(text).toContain("Closing balance Mar 31, 2026 $10.00");
      }
    }
    signIn("finance");
    expect((await get(`customerId=${beta}&${march}&inline=1`)).headers.get("Content-Disposition")).toMatch(/^inline; /);
    expect((await get(`customerId=00000000-0000-4000-8000-000000000000&${march}`)).status).toBe(404);
    expect((await get(march)).status).toBe(404);
    expect((await get(`customerId=not-a-uuid&${march}`)).status).toBe(404);
    signIn("customer");
    expect((await get(`customerId=${beta}&${march}`)).status).toBe(404);
    signIn(null);
    expect((await get(`customerId=${beta}&${march}`)).status).toBe(404);
  });

  it("refuses an unknown customer", async () => {
    await expect(statementPdf(db, statementReport.params.parse({ customerId: "00000000-0000-4000-8000-000000000000" }))).rejects.toBeInstanceOf(UserError);
  });
});
