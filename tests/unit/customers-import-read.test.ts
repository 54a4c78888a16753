import { describe, expect, it } from "vitest";
import { readCsvFile } from "@/components/customers/import/read-csv-file";

const file = (parts: BlobPart[], name = "customers.csv") => new File(parts, name, { type: "text/csv" });

describe("readCsvFile", () => {
  it("reads a UTF-8 file with a BOM, quoted cells, blank lines and a semicolon delimiter", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const result = await readCsvFile(file([bom, 'Company;E-mail;Notes\r\nCafé Zürich;a@cafe.test;"two\nlines; one cell"\r\n\r\n  \r\nAcme;b@acme.test;\r\n']));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.headers).toEqual(["Company", "E-mail", "Notes"]);
    expect(result.data.records).toEqual([
      { Company: "Café Zürich", "E-mail": "a@cafe.test", Notes: "two\nlines; one cell" },
      { Company: "Acme", "E-mail": "b@acme.test", Notes: "" },
    ]);
  });

  it("keeps multi-byte characters intact across parse chunks", async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `Ünïcødé ${i} 😀,u${i}@example.test`);
    const result = await readCsvFile(file([`company_name,email\n${rows.join("\n")}\n`]));
    expect(result.ok && result.data.records.length).toBe(40_000);
    if (!result.ok) return;
    expect(result.data.records.every((r, i) => r.company_name === `Ünïcødé ${i} 😀`)).toBe(true);
  });

  it("refuses files without a usable header row", async () => {
    const noHeader = await readCsvFile(file(["Acme Ltd,acme@example.test\nBeta,beta@example.test\n"]));
    expect(noHeader).toEqual({ ok: false, error: expect.stringMatching(/^None of the names in the first row is a customer field\. The first row must hold column names such as company_name, email/) });
    const twice = await readCsvFile(file(["email,company,Email\nx,y,z\n"]));
    expect(!twice.ok && twice.error).toMatch(/appears twice/);
    const blank = await readCsvFile(file([",,\na,b,c\n"]));
    expect(!blank.ok && blank.error).toMatch(/^The first row is empty/);
    const onlyHeader = await readCsvFile(file(["company_name,email\n"]));
    expect(onlyHeader).toEqual({ ok: false, error: "The file has column names but no customer rows." });
  });

  it("refuses malformed files before parsing", async () => {
    const latin1 = await readCsvFile(file([new Uint8Array([0x63, 0x6f, 0x6d, 0x70, 0x61, 0x6e, 0x79, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a])]));
    expect(!latin1.ok && latin1.error).toMatch(/^This file is not UTF-8/);
    const xlsx = await readCsvFile(file([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])], "customers.xlsx"));
    expect(!xlsx.ok && xlsx.error).toMatch(/^This looks like a binary file/);
    const empty = await readCsvFile(file([]));
    expect(empty).toEqual({ ok: false, error: "This file is empty." });
    const huge = { name: "big.csv", size: 50 * 1024 * 1024, slice: () => new Blob(), arrayBuffer: () => Promise.reject(new Error("must not read")) };
    expect(await readCsvFile(huge as unknown as File)).toEqual({ ok: false, error: "This file is 50.0 MB; the limit is 20 MB. Split it into smaller files." });
  });

  it("refuses a quote that is never closed", async () => {
    const result = await readCsvFile(file(['company_name,notes\nAcme,fine\nBeta,"never closed\nGamma,x\n']));
    expect(!result.ok && result.error).toMatch(/^Row 3 has a quote \(\"\) that is never closed/);
  });
});
