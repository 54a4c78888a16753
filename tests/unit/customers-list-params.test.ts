import { describe, expect, it } from "vitest";
import { exportFilename } from "@/lib/customers/export";
import { csvCell, csvLine } from "@/lib/csv";
import { DEFAULT_FILTERS, customersHref, hasActiveFilters, parseListParams, saveViewSchema, toSearchParams, viewQuery } from "@/lib/customers/list-params";
import { likeContains, likePrefix } from "@/lib/list-queries";

describe("customer list params", () => {
  it("gives safe defaults for an empty query", () => {
    expect(parseListParams({})).toEqual({
      q: undefined, status: [], tag: undefined, country: undefined, currency: undefined,
      sort: "name", dir: "asc", page: 1, pageSize: 25, includeArchived: false,
    });
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
  });

  it("reads every field, normalising case and spacing", () => {
    const filters = parseListParams({ q: "  acme ", status: ["active", "archived"], tag: "VIP", country: "ke", currency: "kes", sort: "created", dir: "asc", page: "3", pageSize: "50" });
    expect(filters).toEqual({ q: "acme", status: ["active", "archived"], tag: "vip", country: "KE", currency: "KES", sort: "created", dir: "asc", page: 3, pageSize: 50, includeArchived: true });
    expect(hasActiveFilters(filters)).toBe(true);
  });

  it("accepts statuses repeated, comma-separated or from URLSearchParams", () => {
    expect(parseListParams({ status: "suspended,active" }).status).toEqual(["active", "suspended"]);
    expect(parseListParams(new URLSearchParams("status=archived&status=active")).status).toEqual(["active", "archived"]);
  });

  it("falls back to the default for each junk value instead of throwing", () => {
    const filters = parseListParams({
      q: "x".repeat(500), status: ["deleted", "ACTIVE", "<script>"], tag: "bad<tag>", country: "Kenya", currency: "dollars",
      sort: "password_hash", dir: "sideways", page: "-4", pageSize: "5000", includeArchived: "maybe",
    });
    expect(filters).toEqual({ ...DEFAULT_FILTERS, status: ["active"] });
    expect(parseListParams({ page: "abc", pageSize: "1.5" })).toMatchObject({ page: 1, pageSize: 25 });
    expect(parseListParams({ page: ["2", "9"] }).page).toBe(2);
  });

  it("sorts created newest first unless told otherwise", () => {
    expect(parseListParams({ sort: "created" }).dir).toBe("desc");
    expect(parseListParams({ sort: "number" }).dir).toBe("asc");
  });

  it("hides archived unless a status or includeArchived asks for it", () => {
    expect(parseListParams({}).includeArchived).toBe(false);
    expect(parseListParams({ includeArchived: "1" }).includeArchived).toBe(true);
    expect(parseListParams({ status: "archived" }).includeArchived).toBe(true);
  });

  it("writes filters back to a short query string that parses to the same filters", () => {
    expect(toSearchParams(DEFAULT_FILTERS)).toBe("");
    expect(customersHref({})).toBe("/customers");
    const samples = [
      { q: "50% & more", status: ["suspended"] as const, tag: "wholesale", sort: "created" as const, dir: "asc" as const, page: 4 },
      { country: "DE", currency: "EUR", pageSize: 100, includeArchived: true },
      { sort: "number" as const, dir: "desc" as const },
    ];
    for (const sample of samples) {
      const filters = { ...DEFAULT_FILTERS, ...sample, status: [...(sample.status ?? [])] };
      expect(parseListParams(new URLSearchParams(toSearchParams(filters)))).toEqual(filters);
    }
    expect(toSearchParams({ ...DEFAULT_FILTERS, sort: "created", dir: "desc" })).toBe("sort=created");
  });

  it("stores a view's query without the page and without junk", () => {
    expect(viewQuery(new URLSearchParams("page=7&status=active&evil=1&sort=nope"))).toBe("status=active");
    const parsed = saveViewSchema.parse({ name: "  Kenya VIPs ", query: "country=ke&tag=vip&page=2" });
    expect(parsed).toEqual({ name: "Kenya VIPs", query: "tag=vip&country=KE" });
    expect(saveViewSchema.safeParse({ name: "   ", query: "" }).success).toBe(false);
  });
});

describe("search and CSV helpers", () => {
  it("takes % and _ in a search literally", () => {
    expect(likeContains("50%_off\\")).toBe("%50\\%\\_off\\\\%");
    expect(likePrefix("INV_1%")).toBe("INV\\_1\\%%");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvCell('The "Best" Co')).toBe('"The ""Best"" Co"');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell(" padded ")).toBe('" padded "');
    expect(csvLine(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
  });

  it("defuses spreadsheet formulas but leaves phone numbers and amounts alone", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("+254712345678")).toBe("+254712345678");
    expect(csvCell("-12.50")).toBe("-12.50");
  });

  it("names the file after the day", () => {
    expect(exportFilename(new Date("2025-03-09T23:00:00Z"))).toBe("customers-2025-03-09.csv");
  });
});
