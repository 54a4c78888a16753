import { describe, expect, it } from "vitest";
import { applyMapping, guessColumn, guessMapping, headerRowError, IMPORT_COLUMN_NAMES } from "@/lib/customers/import/columns";

describe("guessColumn", () => {
  it("recognises every export column name as itself", () => {
    for (const column of IMPORT_COLUMN_NAMES) expect(guessColumn(column)).toBe(column);
  });

  it("ignores case, spaces, underscores, dashes and a BOM", () => {
    expect(guessColumn("Company Name")).toBe("company_name");
    expect(guessColumn(" COMPANY_NAME ")).toBe("company_name");
    expect(guessColumn("\uFEFFemail")).toBe("email");
    expect(guessColumn("Billing Postal-Code")).toBe("billing_postal_code");
  });

  it("knows the usual synonyms", () => {
    const cases: Record<string, string> = {
      Company: "company_name", Organisation: "company_name", Organization: "company_name",
      "E-mail": "email", "Email Address": "email", Mobile: "phone", Tel: "phone", "Phone number": "phone",
      "VAT number": "tax_id", "Tax ID": "tax_id", Country: "billing_country", Zip: "billing_postal_code",
      Postcode: "billing_postal_code", "Zip code": "billing_postal_code", Surname: "last_name", "Given name": "first_name",
      State: "billing_region", Town: "billing_city", Address: "billing_street", "Net days": "payment_terms", Comments: "notes",
    };
    for (const [header, column] of Object.entries(cases)) expect(guessColumn(header), header).toBe(column);
  });

  it("leaves the customer number and unknown headers alone", () => {
    expect(guessColumn("number")).toBeNull();
    expect(guessColumn("Customer number")).toBeNull();
    expect(guessColumn("Favourite colour")).toBeNull();
    expect(guessColumn("")).toBeNull();
  });
});

describe("guessMapping", () => {
  it("maps each header once and ignores a second header for the same field", () => {
    expect(guessMapping(["number", "Company", "E-mail", "Organisation", "Mobile", "Shoe size"])).toEqual({
      number: "ignore", Company: "company_name", "E-mail": "email", Organisation: "ignore", Mobile: "phone", "Shoe size": "ignore",
    });
  });

  it("applies a mapping to a record", () => {
    const mapping = guessMapping(["Company", "E-mail", "Shoe size"]);
    expect(applyMapping({ Company: "Acme", "E-mail": "a@acme.test", "Shoe size": "42" }, mapping)).toEqual({ company_name: "Acme", email: "a@acme.test" });
  });
});

describe("headerRowError", () => {
  it("accepts a header row with at least one known name", () => {
    expect(headerRowError(["Company", "Shoe size"])).toBeNull();
  });

  it("refuses an empty header row, duplicate names and rows of data", () => {
    expect(headerRowError([])).toMatch(/^The first row is empty\. The first row must hold column names such as company_name, email/);
    expect(headerRowError(["", " "])).toMatch(/^The first row is empty/);
    expect(headerRowError(["email", "Company", "EMAIL"])).toMatch(/^The column name "EMAIL" appears twice/);
    expect(headerRowError(["Acme Ltd", "acme@example.test", "+254712345678"])).toMatch(/^None of the names in the first row is a customer field\. The first row must hold/);
  });
});
