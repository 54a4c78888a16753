import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { companySettings, taxRates, users } from "@/db/schema";

export interface SetupStatus {
  companyName: string | null;
  companyDetailsComplete: boolean;
  hasLogo: boolean;
  activeTaxRates: number;
  financeUsers: number;
}

/** Real facts about how far the company's set-up has come (the dashboard shows no invented figures). */
export async function getSetupStatus(db: Db): Promise<SetupStatus> {
  const [settings] = await db
    .select({ legalName: companySettings.legalName, taxId: companySettings.taxId, street: companySettings.street, country: companySettings.country, logoMime: companySettings.logoMime })
    .from(companySettings)
    .limit(1);
  const [rates] = await db.select({ n: count() }).from(taxRates).where(eq(taxRates.active, true));
  const [staff] = await db
    .select({ n: count() })
    .from(users)
    .where(and(isNull(users.deactivatedAt), eq(users.role, "finance")));
  return {
    companyName: settings?.legalName ?? null,
    companyDetailsComplete: Boolean(settings?.legalName && settings.taxId && settings.street && settings.country),
    hasLogo: Boolean(settings?.logoMime),
    activeTaxRates: rates?.n ?? 0,
    financeUsers: staff?.n ?? 0,
  };
}
