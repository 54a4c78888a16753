import { describe, expect, it } from "vitest";
import {
  clearedInvoicesHref,
  DEFAULT_INVOICE_FILTERS,
  defaultDir,
  hasInvoiceFilters,
  invoicesHref,
  parseInvoiceListParams,
  toInvoiceSearchParams,
} from "@/lib/invoices/list-params";

const CUSTOMER = "0b7c7a4e-54a4-4d5c-9f3e-2f4b1f6a9c11";

describe("parseInvoiceListParams", () => {
  it("defaults to every invoice, newest issue date first, page 1", () => {
    expect(DEFAULT_INVOICE_FILTERS).toEqual({ status: [], sort: "issueDate", dir: "desc", page: 1 });
  });

  it("reads every filter", () => {
    const filters = parseInvoiceListParams({
      q: "  INV-2026 ",
      status: ["overdue", "sent"],
      issuedFrom: "2026-01-01",
      issuedTo: "2026-01-31",
      dueFrom: "2026-02-01",
      dueTo: "2026-02-28",
      customerId: CUSTOMER,
      currency: "usd",
      sort: "amountDue",
      dir: "asc",
      page: "3",
    });
    expect(filters).toEqual({
      q: "INV-2026",
      // canonical order, whatever order the URL had
      status: ["sent", "overdue"],
      issuedFrom: "2026-01-01",
      issuedTo: "2026-01-31",
      dueFrom: "2026-02-01",
      dueTo: "2026-02-28",
      customerId: CUSTOMER,
      currency: "USD",
      sort: "amountDue",
      dir: "asc",
      page: 3,
    });
  });

  it("takes several statuses as repeated keys or comma-separated, once each, ignoring unknown ones", () => {
    expect(parseInvoiceListParams({ status: "paid,draft,paid,bogus" }).status).toEqual(["draft", "paid"]);
    expect(parseInvoiceListParams(new URLSearchParams("status=void&status=Overdue")).status).toEqual(["overdue", "void"]);
  });

  it("falls back to defaults on malformed values instead of failing", () => {
    const filters = parseInvoiceListParams({
      q: "x".repeat(201),
      status: 42 as unknown as string,
      issuedFrom: "2026-02-30",
      dueTo: "yesterday",
      customerId: "not-a-uuid",
      currency: "dollars",
      sort: "random",
      dir: "sideways",
      page: "-2",
    });
    expect(filters).toEqual(DEFAULT_INVOICE_FILTERS);
    expect(parseInvoiceListParams({ page: "2.5" }).page).toBe(1);
    expect(parseInvoiceListParams({ q: "   " }).q).toBeUndefined();
  });

  it("sorts dates, numbers and money newest or largest first, the rest A→Z", () => {
    expect(["number", "issueDate", "total", "amountDue"].map((sort) => parseInvoiceListParams({ sort }).dir)).toEqual(["desc", "desc", "desc", "desc"]);
    expect(["customer", "dueDate", "status"].map((sort) => parseInvoiceListParams({ sort }).dir)).toEqual(["asc", "asc", "asc"]);
  });
});

describe("hrefs", () => {
  it("leaves defaults out, so one view has one URL", () => {
    expect(invoicesHref({})).toBe("/invoices");
    expect(invoicesHref(DEFAULT_INVOICE_FILTERS)).toBe("/invoices");
    expect(invoicesHref({ sort: "dueDate", dir: defaultDir("dueDate") })).toBe("/invoices?sort=dueDate");
    expect(invoicesHref({ sort: "issueDate", dir: "asc", page: 2 })).toBe("/invoices?dir=asc&page=2");
    expect(invoicesHref({ status: ["draft", "overdue"] }, "/api/invoices/export")).toBe("/api/invoices/export?status=draft&status=overdue");
  });

  it("round-trips through the URL", () => {
    const filters = parseInvoiceListParams({ q: "Acme & Sons", status: "partial,overdue", issuedFrom: "2026-01-01", customerId: CUSTOMER, currency: "JPY", sort: "total", dir: "asc", page: "4" });
    expect(parseInvoiceListParams(new URLSearchParams(toInvoiceSearchParams(filters)))).toEqual(filters);
  });

  it("knows when the list is narrowed, and clears filters but keeps the sort", () => {
    expect(hasInvoiceFilters(DEFAULT_INVOICE_FILTERS)).toBe(false);
    expect(hasInvoiceFilters(parseInvoiceListParams({ sort: "total", page: "3" }))).toBe(false);
    expect(hasInvoiceFilters(parseInvoiceListParams({ dueTo: "2026-01-01" }))).toBe(true);
    expect(hasInvoiceFilters(parseInvoiceListParams({ status: "draft" }))).toBe(true);
    expect(clearedInvoicesHref(parseInvoiceListParams({ q: "acme", status: "paid", sort: "total", dir: "asc", page: "2" }))).toBe("/invoices?sort=total&dir=asc");
  });
});
