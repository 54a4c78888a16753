import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { companySettings } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { writeAudit, type Actor } from "@/lib/audit";
import { companyDetailColumns, logoSizeSql } from "./columns";
import { checkLogo } from "./logo";
import type { CompanySettingsInput } from "./schemas";

const SETTINGS_ID = 1;
const NO_COMPANY = "Save the company details first, then add the logo.";

// The audit row describes a logo by type and size: the bytes themselves stay out of the log.
const logoColumns = { mime: companySettings.logoMime, size: logoSizeSql };

/** Saves the company details (the row is created on first save), audited with before and after. */
export async function updateCompanySettings(db: Db, input: CompanySettingsInput, actor: Actor): Promise<ActionResult<null>> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(companyDetailColumns).from(companySettings).where(eq(companySettings.id, SETTINGS_ID)).for("update");
    const [after] = await tx
      .insert(companySettings)
      .values({ id: SETTINGS_ID, ...input })
      .onConflictDoUpdate({ target: companySettings.id, set: input })
      .returning(companyDetailColumns);
    await writeAudit(tx, actor, { action: "settings.updated", entityType: "company_settings", entityId: String(SETTINGS_ID), before: before ?? null, after });
    return { ok: true, data: null };
  });
}

/** Stores a logo after checking its real bytes; a refused file changes nothing. */
export async function setCompanyLogo(db: Db, bytes: Uint8Array, actor: Actor): Promise<ActionResult<{ mime: string }>> {
  const check = checkLogo(bytes);
  if (!check.ok) return { ok: false, error: check.error, fieldErrors: { logo: [check.error] } };
  return db.transaction(async (tx) => {
    const [before] = await tx.select(logoColumns).from(companySettings).where(eq(companySettings.id, SETTINGS_ID)).for("update");
    if (!before) return { ok: false, error: NO_COMPANY };
    const [after] = await tx
      .update(companySettings)
      .set({ logo: bytes, logoMime: check.mime })
      .where(eq(companySettings.id, SETTINGS_ID))
      .returning(logoColumns);
    await writeAudit(tx, actor, { action: "settings.logo_updated", entityType: "company_settings", entityId: String(SETTINGS_ID), before: { logo: before }, after: { logo: after } });
    return { ok: true, data: { mime: check.mime } };
  });
}

export async function removeCompanyLogo(db: Db, actor: Actor): Promise<ActionResult<null>> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(logoColumns).from(companySettings).where(eq(companySettings.id, SETTINGS_ID)).for("update");
    if (!before?.mime) return { ok: true, data: null };
    await tx.update(companySettings).set({ logo: null, logoMime: null }).where(eq(companySettings.id, SETTINGS_ID));
    await writeAudit(tx, actor, {
      action: "settings.logo_removed",
      entityType: "company_settings",
      entityId: String(SETTINGS_ID),
      before: { logo: before },
      after: { logo: null },
    });
    return { ok: true, data: null };
  });
}
