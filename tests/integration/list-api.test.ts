import { inArray, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as customersApi } from "@/app/api/customers/route";
import { GET as invoicesApi } from "@/app/api/invoices/route";
import { customers, type Role } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { CurrentUser } from "@/lib/auth/session";
import { parseListParams } from "@/lib/customers/list-params";
import { listCustomers } from "@/lib/customers/queries";
import { todayIso } from "@/lib/invoices/dates";
import { listInvoices } from "@/lib/invoices/list";
import { parseInvoiceListParams } from "@/lib/invoices/list-params";
import { jsonResponse } from "@/lib/json-response";
import { seedLargeInvoices } from "@/scripts/large-invoices";
import { createTestDatabase } from "../helpers/db";

// The JSON read API answers with exactly what the list pages show for the same query (the same
// parser, the same list function), and only to staff who may read the list.

// The session is the one thing faked: who is signed in. The database is real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const database = await createTestDatabase();
const { db } = database;
// getDb() hands out the process's database from here: point it at this file's one
(globalThis as { __cleanpayDb?: Promise<typeof database> }).__cleanpayDb = Promise.resolve(database);

const signIn = (role: Role | null) => {
  session.user = role ? { id: "0b6f1d7e-3c2a-4e5f-9a8b-7c6d5e4f3a2b", email: `${role}@acacia.test`, name: role, role, totpEnabled: false } : null;
};

type Body = Record<string, unknown> & { rows: Record<string, unknown>[] };

async function call(route: typeof invoicesApi, path: string, query = ""): Promise<{ status: number; type: string | null; body: Body }> {
  const response = await route(new NextRequest(`http://localhost${path}${query ? `?${query}` : ""}`));
  return { status: response.status, type: response.headers.get("Content-Type"), body: (await response.json()) as Body };
}

/** The invoice list function's answer for `query`, with money written the way the API promises: exact decimal strings. */
async function expectedInvoices(query: string) {
  const filters = parseInvoiceListParams(new URLSearchParams(query));
  const list = await listInvoices(db, filters, todayIso());
  return {
    filters,
    ...list,
    rows: list.rows.map((row) => ({ ...row, total: row.total.toString(), amountDue: row.amountDue.toString() })),
    totalsByCurrency: list.totalsByCurrency.map((t) => ({ ...t, total: t.total.toString(), amountDue: t.amountDue.toString() })),
  };
}

async function expectedCustomers(query: string) {
  const filters = parseListParams(new URLSearchParams(query));
  const list = await listCustomers(db, filters);
  return { filters, pageSize: filters.pageSize, ...list, rows: list.rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
}

let bookSize = 0;
beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  // a small large-book: three years of invoices in every status over 40 customers, half of them "… Logistics …"
  bookSize = (await seedLargeInvoices(db, { invoices: 600, customers: 40 })).invoices;
  // some customers suspended, so the status filter has something to leave out
  const numbers = await db.select({ id: customers.id }).from(customers).orderBy(customers.number);
  await db.update(customers).set({ status: "suspended" }).where(inArray(customers.id, numbers.filter((_, i) => i % 3 === 0).map((row) => row.id)));
}, 120_000);

describe("GET /api/invoices", () => {
  const query = "q=logistics&status=overdue&sort=amountDue";

  it("gives every staff role the rows, count and totals the list function gives for the same query", async () => {
    const expected = await expectedInvoices(query);
    for (const role of ["viewer", "finance", "admin"] as const) {
      signIn(role);
      const { status, type, body } = await call(invoicesApi, "/api/invoices", query);
      expect(status).toBe(200);
      expect(type).toBe("application/json; charset=utf-8");
      expect(body).toEqual(expected);
    }
  });

  it("honours the search, the status filter and the sort", async () => {
    signIn("viewer");
    const { body } = await call(invoicesApi, "/api/invoices", query);
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBeLessThan(bookSize);
    for (const row of body.rows) {
      expect(row.displayStatus).toBe("overdue");
      expect(String(row.customerName).toLowerCase()).toContain("logistics");
    }
    const due = body.rows.map((row) => BigInt(String(row.amountDue)));
    expect(due).toEqual([...due].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    // the other direction is another page of the same set
    const ascending = await call(invoicesApi, "/api/invoices", `${query}&dir=asc`);
    expect(ascending.body.total).toBe(body.total);
    expect(BigInt(String(ascending.body.rows[0]!.amountDue))).toBeLessThanOrEqual(due.at(-1)!);
  });

  it("serves the default page of the whole book, and later pages", async () => {
    signIn("finance");
    const first = await call(invoicesApi, "/api/invoices");
    expect(first.body).toEqual(await expectedInvoices(""));
    expect(first.body.total).toBe(bookSize);
    expect(first.body.rows).toHaveLength(25);
    const third = await call(invoicesApi, "/api/invoices", "page=3");
    expect(third.body.page).toBe(3);
    expect(third.body.rows.map((row) => row.id)).not.toContain(first.body.rows[0]!.id);
  });

  it("treats bad parameters as the page does: each falls back to its default", async () => {
    signIn("finance");
    const { status, body } = await call(invoicesApi, "/api/invoices", "status=bogus&sort=nope&page=-3&dueFrom=yesterday");
    expect(status).toBe(200);
    expect(body).toEqual(await expectedInvoices(""));
  });

  it("refuses anonymous callers (401) and customers (403) without reading the list", async () => {
    signIn(null);
    const anonymous = await call(invoicesApi, "/api/invoices", query);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: "Sign in to read invoices." });
    signIn("customer");
    const customer = await call(invoicesApi, "/api/invoices", query);
    expect(customer.status).toBe(403);
    expect(customer.body.rows).toBeUndefined();
  });
});

describe("GET /api/customers", () => {
  const query = "q=logistics&status=active&sort=created";

  it("gives every staff role the rows and count the list function gives for the same query", async () => {
    const expected = await expectedCustomers(query);
    for (const role of ["viewer", "finance", "admin"] as const) {
      signIn(role);
      const { status, type, body } = await call(customersApi, "/api/customers", query);
      expect(status).toBe(200);
      expect(type).toBe("application/json; charset=utf-8");
      expect(body).toEqual(expected);
    }
  });

  it("honours the search, the status filter, the sort and the page size", async () => {
    signIn("viewer");
    const { body } = await call(customersApi, "/api/customers", query);
    const [all] = await db.select({ n: sql<number>`count(*)::int` }).from(customers);
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBeLessThan(all!.n);
    for (const row of body.rows) {
      expect(row.status).toBe("active");
      expect(String(row.displayName).toLowerCase()).toContain("logistics");
    }
    const created = body.rows.map((row) => String(row.createdAt));
    expect(created).toEqual([...created].sort().reverse());
    const suspended = await call(customersApi, "/api/customers", "status=suspended&sort=name&pageSize=5");
    expect(suspended.body.rows).toHaveLength(5);
    expect(suspended.body.rows.every((row) => row.status === "suspended")).toBe(true);
    expect(suspended.body).toEqual(await expectedCustomers("status=suspended&sort=name&pageSize=5"));
  });

  it("treats bad parameters as the page does: each falls back to its default", async () => {
    signIn("finance");
    const { status, body } = await call(customersApi, "/api/customers", "status=gone&sort=nope&pageSize=100000&country=Kenya");
    expect(status).toBe(200);
    expect(body).toEqual(await expectedCustomers(""));
  });

  it("refuses anonymous callers (401) and customers (403)", async () => {
    signIn(null);
    const anonymous = await call(customersApi, "/api/customers", query);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: "Sign in to read customers." });
    signIn("customer");
    const customer = await call(customersApi, "/api/customers", query);
    expect(customer.status).toBe(403);
    expect(customer.body.rows).toBeUndefined();
  });
});

describe("jsonResponse", () => {
  it("writes bigint money as its exact decimal string, past where a JSON number would round", async () => {
    const text = await jsonResponse({ amount: 9_007_199_254_740_993n, at: new Date("2026-03-01T00:00:00Z") }).text();
    expect(text).toBe('{"amount":"9007199254740993","at":"2026-03-01T00:00:00.000Z"}');
  });
});
