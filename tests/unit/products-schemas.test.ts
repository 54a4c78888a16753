import { describe, expect, it } from "vitest";
import { parseProductListParams, productsHref } from "@/lib/products/list-params";
import { NO_TAX_RATE, productInputSchema, productUpdateSchema, type ProductFormValues } from "@/lib/products/schemas";

const blank: ProductFormValues = { name: "Consulting", sku: "", description: "", unit: "", unitPrice: "0", currency: "USD", defaultTaxRateId: "" };
const parse = (values: Partial<ProductFormValues>) => productInputSchema.safeParse({ ...blank, ...values });
const fieldsOf = (values: Partial<ProductFormValues>) => {
  const result = parse(values);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("product schema", () => {
  it("turns typed prices into minor units of the currency, without floats", () => {
    expect(parse({ unitPrice: "1,234.50", currency: "USD" }).data?.unitPrice).toBe(123450n);
    expect(parse({ unitPrice: "0.1", currency: "usd" }).data).toMatchObject({ unitPrice: 10n, currency: "USD" });
    expect(parse({ unitPrice: "1,500", currency: "JPY" }).data?.unitPrice).toBe(1500n);
    expect(parse({ unitPrice: "12.345", currency: "KWD" }).data?.unitPrice).toBe(12345n);
    // as a float, 0.29 * 100 is 28.999999999999996; read as text it is exactly 29 cents
    expect(parse({ unitPrice: "0.29", currency: "USD" }).data?.unitPrice).toBe(29n);
    expect(parse({ unitPrice: "9,999,999,999,999.99", currency: "USD" }).data?.unitPrice).toBe(999999999999999n);
  });

  it("normalises optional fields and the no-tax choice", () => {
    const value = parse({ name: "  Design  ", sku: " ", description: "  ", unit: " hour ", defaultTaxRateId: NO_TAX_RATE }).data;
    expect(value).toMatchObject({ name: "Design", sku: null, description: null, unit: "hour", defaultTaxRateId: null });
  });

  it("gives a field error for each kind of bad input", () => {
    const cases: [Partial<ProductFormValues>, string][] = [
      [{ unitPrice: "-5" }, "unitPrice"],
      [{ unitPrice: "10.001", currency: "USD" }, "unitPrice"],
      [{ unitPrice: "1.5", currency: "JPY" }, "unitPrice"],
      [{ unitPrice: "1.2345", currency: "KWD" }, "unitPrice"],
      [{ unitPrice: "12abc" }, "unitPrice"],
      [{ unitPrice: "" }, "unitPrice"],
      [{ unitPrice: "99999999999999999999" }, "unitPrice"],
      [{ currency: "ABC" }, "currency"],
      [{ currency: "US" }, "currency"],
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(10_240) }, "name"],
      [{ unit: "u".repeat(21) }, "unit"],
      [{ sku: "<script>" }, "sku"],
      [{ defaultTaxRateId: "not-a-uuid" }, "defaultTaxRateId"],
    ];
    for (const [values, field] of cases) expect(fieldsOf(values), JSON.stringify(values).slice(0, 80)).toContain(field);
  });

  it("reports a negative price together with the other fields' errors", () => {
    expect(fieldsOf({ name: "", unitPrice: "-1" }).sort()).toEqual(["name", "unitPrice"]);
  });

  it("needs the id and version of the edit", () => {
    expect(productUpdateSchema.safeParse({ ...blank, id: "x", version: 1 }).success).toBe(false);
    const ok = productUpdateSchema.safeParse({ ...blank, id: "6f1c2f5e-8f53-4a39-9a51-2b1f3d0c9e11", version: "3", unitPrice: "2.50" });
    expect(ok.data).toMatchObject({ version: 3, unitPrice: 250n });
  });
});

describe("product list params", () => {
  it("falls back to defaults on junk and round-trips through the URL", () => {
    expect(parseProductListParams({ status: "weird", sort: "nope", page: "-3", currency: "usd" })).toEqual({
      q: undefined,
      status: undefined,
      currency: "USD",
      sort: "name",
      dir: "asc",
      page: 1,
    });
    const filters = parseProductListParams({ q: "desk", status: "inactive", sort: "price", dir: "desc", page: "2" });
    const href = productsHref(filters);
    expect(href).toBe("/products?q=desk&status=inactive&sort=price&dir=desc&page=2");
    expect(parseProductListParams(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(filters);
    expect(productsHref(parseProductListParams({}))).toBe("/products");
  });
});
