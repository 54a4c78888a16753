import type { Db } from "@/db";
import { companySettings } from "@/db/schema";
import { companyDetailColumns, logoSizeSql } from "./columns";

/** Everything the settings page edits; the logo bytes stay in the database (served by /api/company-logo). */
export async function getCompanySettings(db: Db) {
  const [row] = await db
    .select({
      ...companyDetailColumns,
      logoMime: companySettings.logoMime,
      logoSize: logoSizeSql,
      updatedAt: companySettings.updatedAt,
    })
    .from(companySettings)
    .limit(1);
  return row ?? null;
}
export type CompanySettingsView = NonNullable<Awaited<ReturnType<typeof getCompanySettings>>>;

export async function getCompanyLogo(db: Db): Promise<{ bytes: Uint8Array; mime: string } | null> {
  const [row] = await db.select({ logo: companySettings.logo, mime: companySettings.logoMime }).from(companySettings).limit(1);
  if (!row?.logo || !row.mime) return null;
  return { bytes: row.logo, mime: row.mime };
}
