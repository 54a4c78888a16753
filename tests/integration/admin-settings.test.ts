import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, companySettings } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { removeCompanyLogo, setCompanyLogo, updateCompanySettings } from "@/lib/settings/commands";
import { getCompanyLogo, getCompanySettings } from "@/lib/settings/queries";
import { companySettingsSchema, type CompanySettingsFormValues } from "@/lib/settings/schemas";
import { createTestDatabase } from "../helpers/db";
import { actorFor, rowCounts } from "./admin-fixtures";

const { db } = await createTestDatabase();
// a second, never seeded database: the company row does not exist there yet
const { db: empty } = await createTestDatabase();
const actor = actorFor(null, "admin@example.test");

const TINY_PNG = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);

const form: CompanySettingsFormValues = {
  legalName: "Acme Widgets Ltd",
  email: "Billing@Acme.test",
  phone: "+254 700 000000",
  street: "2 Main Street",
  city: "Mombasa",
  region: "",
  postalCode: "80100",
  country: "ke",
  taxId: "P000111222Z",
  defaultCurrency: "kes",
  defaultPaymentTerms: "14",
  invoiceNumberFormat: "ACME-{YYYY}{MM}-{SEQ:4}",
  invoiceNumberReset: "monthly",
  creditNoteNumberFormat: "ACN-{SEQ:6}",
};

async function fullRow() {
  const [row] = await db.select().from(companySettings);
  return row;
}

async function latestAudit(action: string) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.createdAt)).limit(1);
  return row;
}

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
});

describe("company settings", () => {
  it("saves valid settings, normalised, and audits before and after", async () => {
    const input = companySettingsSchema.parse(form);
    expect(await updateCompanySettings(db, input, actor)).toEqual({ ok: true, data: null });
    const saved = await getCompanySettings(db);
    expect(saved).toMatchObject({
      legalName: "Acme Widgets Ltd",
      email: "billing@acme.test",
      region: null,
      country: "KE",
      defaultCurrency: "KES",
      defaultPaymentTerms: 14,
      invoiceNumberFormat: "ACME-{YYYY}{MM}-{SEQ:4}",
      invoiceNumberReset: "monthly",
    });
    const audit = await latestAudit("settings.updated");
    expect(audit?.before).toMatchObject({ legalName: "Demo Trading Ltd", defaultCurrency: "USD" });
    expect(audit?.after).toMatchObject({ legalName: "Acme Widgets Ltd", defaultCurrency: "KES" });
  });

  it.each([
    ["defaultCurrency", { defaultCurrency: "XYZ" }],
    ["defaultCurrency", { defaultCurrency: "dollars" }],
    ["invoiceNumberFormat", { invoiceNumberFormat: "INV-{YYYY}" }],
    ["invoiceNumberFormat", { invoiceNumberFormat: "INV-{SEQ:5}", invoiceNumberReset: "yearly" }],
    ["creditNoteNumberFormat", { creditNoteNumberFormat: "CN-{DAY}-{SEQ}" }],
    ["country", { country: "XX" }],
    ["country", { country: "Kenya" }],
    ["defaultPaymentTerms", { defaultPaymentTerms: "366" }],
    ["defaultPaymentTerms", { defaultPaymentTerms: "7.5" }],
    ["email", { email: "not-an-email" }],
    ["legalName", { legalName: "   " }],
  ] as const)("refuses a bad %s (%j) with a field error and leaves the row unchanged", async (field, change) => {
    const before = await fullRow();
    const counts = await rowCounts(db);
    const parsed = companySettingsSchema.safeParse({ ...form, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
    expect(await fullRow()).toEqual(before);
    expect(await rowCounts(db)).toEqual(counts);
  });

  it("creates the row on first save when none exists", async () => {
    expect(await getCompanySettings(empty)).toBeNull();
    expect(await setCompanyLogo(empty, TINY_PNG, actor)).toMatchObject({ ok: false, error: expect.stringMatching(/company details first/) });
    expect(await updateCompanySettings(empty, companySettingsSchema.parse(form), actor)).toEqual({ ok: true, data: null });
    expect((await getCompanySettings(empty))?.legalName).toBe("Acme Widgets Ltd");
    const [audit] = await empty.select().from(auditLog);
    expect(audit?.before).toBeNull();
  });
});

describe("company logo", () => {
  it("stores a real PNG with its type, serves it back and audits type and size only", async () => {
    expect(await setCompanyLogo(db, TINY_PNG, actor)).toEqual({ ok: true, data: { mime: "image/png" } });
    const logo = await getCompanyLogo(db);
    expect(logo?.mime).toBe("image/png");
    expect(Buffer.from(logo?.bytes ?? []).equals(Buffer.from(TINY_PNG))).toBe(true);
    expect(await getCompanySettings(db)).toMatchObject({ logoMime: "image/png", logoSize: TINY_PNG.length });
    const audit = await latestAudit("settings.logo_updated");
    expect(audit?.before).toEqual({ logo: { mime: null, size: null } });
    expect(audit?.after).toEqual({ logo: { mime: "image/png", size: TINY_PNG.length } });
  });

  it.each([
    ["a text file renamed .png", new TextEncoder().encode("this is not an image\n"), /PNG, JPEG or SVG/],
    ["a 1.1 MB PNG", (() => { const big = new Uint8Array(1_100_000); big.set(TINY_PNG); return big; })(), /smaller than 1 MB/],
    ["an SVG with <script>", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /scripts/],
    ["an SVG with an onload handler", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'), /scripts/],
  ])("refuses %s and writes nothing", async (_, bytes, message) => {
    const before = await fullRow();
    const counts = await rowCounts(db);
    const result = await setCompanyLogo(db, bytes, actor);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(message), fieldErrors: { logo: [expect.stringMatching(message)] } });
    expect(await fullRow()).toEqual(before);
    expect(await rowCounts(db)).toEqual(counts);
  });

  it("accepts a clean SVG and removes the logo, audited", async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>');
    expect(await setCompanyLogo(db, svg, actor)).toEqual({ ok: true, data: { mime: "image/svg+xml" } });
    expect(await removeCompanyLogo(db, actor)).toEqual({ ok: true, data: null });
    expect(await getCompanyLogo(db)).toBeNull();
    const audit = await latestAudit("settings.logo_removed");
    expect(audit?.before).toEqual({ logo: { mime: "image/svg+xml", size: svg.length } });
    expect(audit?.after).toEqual({ logo: null });
  });
});
