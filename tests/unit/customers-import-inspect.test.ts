import { describe, expect, it } from "vitest";
import { inspectCsvFile, MAX_IMPORT_BYTES } from "@/lib/customers/import/inspect-file";

const bytes = (text: string) => new TextEncoder().encode(text);
const inspect = (data: Uint8Array, size = data.length) => inspectCsvFile(data, size);

describe("inspectCsvFile", () => {
  it("accepts a UTF-8 CSV, with or without a BOM", () => {
    expect(inspect(bytes("company_name,email\nAcme,a@b.test\n"))).toEqual({ ok: true, hasBom: false });
    expect(inspect(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("company_name\nCafé Zürich\n")]))).toEqual({ ok: true, hasBom: true });
  });

  it("refuses a file over 20 MB with its size", () => {
    const result = inspect(bytes("company_name\n"), 50 * 1024 * 1024);
    expect(result).toEqual({ ok: false, error: "This file is 50.0 MB; the limit is 20 MB. Split it into smaller files." });
    expect(inspect(bytes("company_name\n"), MAX_IMPORT_BYTES).ok).toBe(true);
  });

  it("refuses an empty file, a BOM alone and blank lines", () => {
    for (const data of [new Uint8Array(), new Uint8Array([0xef, 0xbb, 0xbf]), bytes("\r\n \n\t\n")]) {
      expect(inspect(data)).toEqual({ ok: false, error: "This file is empty." });
    }
  });

  it("refuses binary files: NUL bytes, an xlsx (zip) signature, many control characters", () => {
    const message = "This looks like a binary file (e.g. an Excel .xlsx), not CSV. Save it as CSV UTF-8 and try again.";
    expect(inspect(new Uint8Array([...bytes("company_name\nAc"), 0, ...bytes("me\n")]))).toEqual({ ok: false, error: message });
    expect(inspect(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes("[Content_Types].xml")]))).toEqual({ ok: false, error: message });
    const noisy = Uint8Array.from({ length: 2000 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41));
    expect(inspect(noisy)).toEqual({ ok: false, error: message });
    // a few stray control characters in a text file are tolerated
    expect(inspect(new Uint8Array([...bytes("company_name\n"), 0x1b, ...bytes("Acme\n".repeat(100))])).ok).toBe(true);
  });

  it("only looks for binary content in the first 64 KB", () => {
    const data = new Uint8Array([...bytes(`company_name\n${"Acme\n".repeat(14_000)}`), 0, 0]);
    expect(inspect(data).ok).toBe(true);
  });

  it("refuses text that is not UTF-8 (Latin-1, UTF-16)", () => {
    const latin1 = new Uint8Array([...bytes("company_name\nCaf"), 0xe9, ...bytes("\n")]);
    const result = inspect(latin1);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^This file is not UTF-8/);
    expect(inspect(new Uint8Array([0xff, 0xfe, 0x63, 0x00]))).toEqual({ ok: false, error: "This file is UTF-16, not UTF-8. Save it as CSV UTF-8 and try again." });
  });

  it("does not blame a sample that ends in the middle of a character", () => {
    const full = bytes("company_name\nCafé");
    const cut = full.subarray(0, full.length - 1);
    expect(inspect(cut, full.length + 100).ok).toBe(true);
    // the same bytes as a whole file are broken
    expect(inspect(cut).ok).toBe(false);
  });
});
