import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { customerSavedViews, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { changeCustomerStatus, createCustomer, deleteCustomer } from "@/lib/customers/commands";
import { parseListParams, type CustomerListFilters, type SearchParamsInput } from "@/lib/customers/list-params";
import { customerFilterOptions, customerListStats, listCustomers } from "@/lib/customers/queries";
import { deleteSavedView, listSavedViews, saveView } from "@/lib/customers/saved-views";
import { customerStats, lastMonths, newCustomersPerMonth } from "@/lib/customers/stats";
import { UserError } from "@/lib/errors";
import type { CustomerFormValues } from "@/lib/customers/schemas";
import { customerInput, insertCustomers } from "../helpers/customers";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
let actor: Actor;
let financeId: string;
let viewerId: string;
const ids: Record<string, string> = {};

async function make(key: string, values: Partial<CustomerFormValues>) {
  const result = await createCustomer(db, customerInput(values), actor, { allowDuplicate: true });
  if (result.status !== "saved") throw new Error("expected a saved customer");
  ids[key] = result.customer.id;
  return result.customer;
}

const list = (params: SearchParamsInput) => listCustomers(db, parseListParams(params));
const namesOf = async (params: SearchParamsInput) => (await list({ pageSize: "100", ...params })).rows.map((row) => row.displayName).sort();

const PAGER = 60;
const pagerCreated = (i: number) => new Date(Date.UTC(2024, 0, 1, 0, i % 15));

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  const [finance] = await db.select({ id: users.id }).from(users).where(eq(users.role, "finance"));
  const [viewer] = await db.select({ id: users.id }).from(users).where(eq(users.role, "viewer"));
  financeId = finance!.id;
  viewerId = viewer!.id;
  actor = { userId: financeId, label: "finance@demo.cleanpay.test" };

  await make("acme", { companyName: "Acme Trading", email: "billing@acme.test", phone: "+254 712 345 678", billingCountry: "KE", currency: "KES", taxId: "P051111111A", tags: "vip, wholesale" });
  await make("grace", { firstName: "Grace", lastName: "Hopper", email: "grace@navy.test", phone: "+1 415 555 0100", billingCountry: "US", tags: "vip" });
  await make("cotton", { companyName: "100% Cotton Ltd", billingCountry: "DE", currency: "EUR" });
  await make("cotton2", { companyName: "1000 Cotton Mills", billingCountry: "DE", currency: "EUR" });
  await make("under", { companyName: "Under_score Inc" });
  await make("underx", { companyName: "Underxscore Inc" });
  await make("sleepy", { companyName: "Sleepy Co", tags: "wholesale" });
  await changeCustomerStatus(db, ids.sleepy!, "suspend", actor);
  await make("old", { companyName: "Old Archive Ltd", email: "old@acme.test" });
  await changeCustomerStatus(db, ids.old!, "archive", actor);
  await make("gone", { companyName: "Deleted Acme", email: "gone@acme.test", tags: "vip" });
  await deleteCustomer(db, ids.gone!, actor);

  // 60 rows for paging: 10 names shared by 6 rows each, 15 creation times shared by 4 each
  await insertCustomers(
    db,
    Array.from({ length: PAGER }, (_, i) => ({
      companyName: `Pager ${i % 10}`,
      tags: ["pager"],
      status: i % 20 === 0 ? ("archived" as const) : i % 7 === 0 ? ("suspended" as const) : ("active" as const),
      createdAt: pagerCreated(i),
    })),
  );
});

describe("search", () => {
  it("finds by name, person name, email, phone, number and tax id", async () => {
    expect(await namesOf({ q: "acme trad" })).toEqual(["Acme Trading"]);
    expect(await namesOf({ q: "HOPPER" })).toEqual(["Grace Hopper"]);
    expect(await namesOf({ q: "navy.test" })).toEqual(["Grace Hopper"]);
    expect(await namesOf({ q: "+254712" })).toEqual(["Acme Trading"]);
    expect(await namesOf({ q: "0712 345 678" })).toEqual(["Acme Trading"]);
    expect(await namesOf({ q: "(415) 555-0100" })).toEqual(["Grace Hopper"]);
    expect(await namesOf({ q: "p051111111a" })).toEqual(["Acme Trading"]);
    const [grace] = (await list({ q: "grace" })).rows;
    expect(await namesOf({ q: grace!.number.toLowerCase() })).toEqual(["Grace Hopper"]);
  });

  it("takes % and _ literally", async () => {
    expect(await namesOf({ q: "100%" })).toEqual(["100% Cotton Ltd"]);
    expect(await namesOf({ q: "r_s" })).toEqual(["Under_score Inc"]);
  });

  it("returns only the columns the table needs", async () => {
    const [row] = (await list({ q: "acme trading" })).rows;
    expect(Object.keys(row!).sort()).toEqual(["billingCountry", "createdAt", "currency", "displayName", "email", "id", "number", "phone", "status", "tags"]);
    expect(row).toMatchObject({ phone: "+254712345678", billingCountry: "KE", currency: "KES", tags: ["vip", "wholesale"], status: "active" });
  });
});

describe("filters", () => {
  it("filters by status, tag, country and currency, alone and together", async () => {
    expect(await namesOf({ status: "suspended", q: "sleepy" })).toEqual(["Sleepy Co"]);
    expect((await list({ status: "suspended", tag: "pager" })).total).toBe(8);
    expect(await namesOf({ tag: "vip" })).toEqual(["Acme Trading", "Grace Hopper"]);
    expect(await namesOf({ tag: "wholesale" })).toEqual(["Acme Trading", "Sleepy Co"]);
    expect(await namesOf({ country: "de" })).toEqual(["100% Cotton Ltd", "1000 Cotton Mills"]);
    expect(await namesOf({ currency: "KES" })).toEqual(["Acme Trading"]);
    expect(await namesOf({ tag: "vip", country: "US", currency: "USD" })).toEqual(["Grace Hopper"]);
    expect(await namesOf({ tag: "vip", country: "KE", currency: "USD" })).toEqual([]);
  });

  it("hides archived customers unless asked, and never shows deleted ones", async () => {
    expect(await namesOf({ q: "acme" })).toEqual(["Acme Trading"]);
    expect(await namesOf({ q: "acme", status: "archived" })).toEqual(["Old Archive Ltd"]);
    expect(await namesOf({ q: "acme", includeArchived: "1" })).toEqual(["Acme Trading", "Old Archive Ltd"]);
    expect(await namesOf({ q: "acme", status: ["active", "suspended", "archived"] })).toEqual(["Acme Trading", "Old Archive Ltd"]);
    expect((await list({ tag: "pager" })).total).toBe(PAGER - 3);
    expect((await list({ tag: "pager", includeArchived: "1" })).total).toBe(PAGER);
  });
});

describe("sort and pagination", () => {
  async function walk(filters: CustomerListFilters) {
    const seen: { id: string; displayName: string; number: string; createdAt: Date }[] = [];
    let page = 1;
    for (;;) {
      const result = await listCustomers(db, { ...filters, page });
      seen.push(...result.rows);
      if (page >= result.pageCount) return { seen, total: result.total };
      page += 1;
    }
  }

  const key = {
    name: (row: { displayName: string }) => row.displayName,
    number: (row: { number: string }) => row.number,
    created: (row: { createdAt: Date }) => row.createdAt.toISOString(),
  };

  for (const sort of ["name", "number", "created"] as const) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages through sort=${sort} ${dir} with every row exactly once, in order`, async () => {
        const filters = parseListParams({ tag: "pager", includeArchived: "1", sort, dir, pageSize: "7" });
        const { seen, total } = await walk(filters);
        expect(total).toBe(PAGER);
        expect(seen).toHaveLength(PAGER);
        expect(new Set(seen.map((row) => row.id)).size).toBe(PAGER);
        const sign = dir === "asc" ? 1 : -1;
        const expected = [...seen].sort((a, b) => {
          const ka = key[sort](a);
          const kb = key[sort](b);
          return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        });
        expect(seen.map((row) => row.id)).toEqual(expected.map((row) => row.id));
      });
    }
  }

  it("keeps the page size, caps it at 100 and shows the last page for a page past the end", async () => {
    const first = await list({ tag: "pager", pageSize: "10" });
    expect(first).toMatchObject({ total: 57, page: 1, pageCount: 6 });
    expect(first.rows).toHaveLength(10);
    const late = await list({ tag: "pager", pageSize: "10", page: "99" });
    expect(late.page).toBe(6);
    expect(late.rows).toHaveLength(7);
    expect((await list({ pageSize: "500" })).rows.length).toBe(25);
  });
});

describe("stats", () => {
  it("counts the book by status, without deleted customers", async () => {
    // named: 6 active, 1 suspended, 1 archived (1 deleted); pager: 3 archived, 8 suspended, 49 active
    expect(await customerListStats(db)).toEqual({ total: 68, active: 55, suspended: 9, archived: 4 });
  });

  it("counts new customers per month for the last 12 months, empty months as zero", async () => {
    const now = new Date("2024-03-15T12:00:00Z");
    const months = await newCustomersPerMonth(db, now);
    expect(months.map((m) => m.month)).toEqual(lastMonths(now));
    expect(months[0]?.month).toBe("2023-04");
    expect(months.find((m) => m.month === "2024-01")?.count).toBe(PAGER);
    expect(months.filter((m) => m.month !== "2024-01").every((m) => m.count === 0)).toBe(true);
  });

  it("lists the top tags, countries and the filter options", async () => {
    const stats = await customerStats(db, new Date("2024-03-15T12:00:00Z"));
    expect(stats.topTags).toEqual([
      { name: "pager", count: 60 },
      { name: "vip", count: 2 },
      { name: "wholesale", count: 2 },
    ]);
    expect(stats.byCountry[0]).toEqual({ name: "—", count: 64 });
    expect(stats.byCountry).toContainEqual({ name: "DE", count: 2 });
    expect(await customerFilterOptions(db)).toEqual({ tags: ["pager", "vip", "wholesale"], countries: ["DE", "KE", "US"], currencies: ["EUR", "KES", "USD"] });
  });
});

describe("saved views", () => {
  it("keeps each user's views to that user", async () => {
    const view = await saveView(db, financeId, { name: "Kenya VIPs", query: "tag=vip&country=ke&page=3" });
    expect(view.query).toBe("tag=vip&country=KE");
    await saveView(db, viewerId, { name: "Kenya VIPs", query: "country=KE" });
    expect((await listSavedViews(db, financeId)).map((v) => v.query)).toEqual(["tag=vip&country=KE"]);
    expect((await listSavedViews(db, viewerId)).map((v) => v.query)).toEqual(["country=KE"]);

    await expect(deleteSavedView(db, viewerId, view.id)).rejects.toBeInstanceOf(UserError);
    expect(await db.select().from(customerSavedViews).where(eq(customerSavedViews.id, view.id))).toHaveLength(1);
    await deleteSavedView(db, financeId, view.id);
    expect(await listSavedViews(db, financeId)).toEqual([]);
    expect(await listSavedViews(db, viewerId)).toHaveLength(1);
  });

  it("refuses a name the user already uses, in any case, as a field error", async () => {
    await saveView(db, financeId, { name: "Suspended", query: "status=suspended" });
    const error = await saveView(db, financeId, { name: "SUSPENDED", query: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).fieldErrors?.name?.[0]).toMatch(/already have a view/);
    expect(await listSavedViews(db, financeId)).toHaveLength(1);
  });
});
