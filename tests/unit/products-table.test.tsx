import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { NoProductsYet } from "@/components/products/empty-states";
import { productToFormValues } from "@/components/products/form-values";
import { ProductFilters } from "@/components/products/product-filters";
import { ProductsTable } from "@/components/products/products-table";
import { parseProductListParams } from "@/lib/products/list-params";
import type { ProductListRow } from "@/lib/products/queries";
import { NO_TAX_RATE, productInputSchema } from "@/lib/products/schemas";

// the row menu's server actions need a request (session, headers); rendering never calls them
vi.mock("@/app/(staff)/products/actions", () => ({
  createProductAction: vi.fn(),
  updateProductAction: vi.fn(),
  setProductActiveAction: vi.fn(),
  deleteProductAction: vi.fn(),
}));

const row = (values: Partial<ProductListRow>): ProductListRow => ({
  id: crypto.randomUUID(),
  sku: null,
  name: "Consulting",
  description: null,
  unit: null,
  unitPrice: 0n,
  currency: "USD",
  defaultTaxRateId: null,
  taxRateName: null,
  active: true,
  version: 1,
  createdAt: new Date("2026-03-05T10:00:00Z"),
  ...values,
});

const rows = [
  row({ name: "Consulting", sku: "CONS-1", unit: "hour", unitPrice: 123450n, taxRateName: "VAT 16%", defaultTaxRateId: crypto.randomUUID() }),
  row({ name: "Tatami mat", unitPrice: 1500n, currency: "JPY", active: false }),
  row({ name: "Dinar service", unitPrice: 12345n, currency: "KWD" }),
];
const options = { defaultCurrency: "USD", currencies: ["USD"], taxRates: [] };

describe("products table", () => {
  it("formats each price in its currency and shows tax rate and status", () => {
    const html = renderToStaticMarkup(<ProductsTable rows={rows} filters={parseProductListParams({})} editOptions={options} />);
    expect(html.match(/data-testid="product-row"/g)).toHaveLength(3);
    expect(html).toContain("$1,234.50");
    expect(html).toContain("¥1,500");
    expect(html).toContain("KWD");
    expect(html).toContain("12.345");
    expect(html).toContain("VAT 16%");
    expect(html).toContain(">Inactive<");
    expect(html).toContain('aria-label="Actions for Consulting"');
    // sorted by name ascending: the Name header offers descending next
    expect(html).toContain('href="/products?dir=desc"');
    expect(html).toContain('href="/products?sort=price"');
  });

  it("shows no row menu to those who may not edit", () => {
    const html = renderToStaticMarkup(<ProductsTable rows={rows} filters={parseProductListParams({})} />);
    expect(html).not.toContain("Actions for");
  });

  it("keeps the sort when the filters are applied", () => {
    const html = renderToStaticMarkup(<ProductFilters filters={parseProductListParams({ sort: "price", q: "desk" })} currencies={["USD"]} />);
    expect(html).toContain('name="sort" value="price"');
    expect(html).toContain('value="desk"');
  });

  it("invites adding the first product, or explains who can", () => {
    expect(renderToStaticMarkup(<NoProductsYet newButton={<button>New product</button>} />)).toContain("Add your first product");
    expect(renderToStaticMarkup(<NoProductsYet />)).toContain("once someone from finance adds them");
  });

  it("fills the edit form with text that parses back to the stored figures", () => {
    for (const stored of rows) {
      const values = productToFormValues(stored);
      const parsed = productInputSchema.parse(values);
      expect(parsed.unitPrice).toBe(stored.unitPrice);
      expect(parsed.defaultTaxRateId).toBe(stored.defaultTaxRateId);
    }
    expect(productToFormValues(rows[1]!)).toMatchObject({ unitPrice: "1500", defaultTaxRateId: NO_TAX_RATE, sku: "" });
    expect(productToFormValues(rows[2]!).unitPrice).toBe("12.345");
  });
});
