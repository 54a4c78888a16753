import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { getCompanySettings } from "@/lib/settings/queries";
import type { CompanySettingsFormValues } from "@/lib/settings/schemas";
import { LogoForm } from "./logo-form";
import { SettingsForm } from "./settings-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Company settings" };

export default async function SettingsPage() {
  await requirePermission("settings.manage");
  const settings = await getCompanySettings(await getDb());
  const defaults: CompanySettingsFormValues = {
    legalName: settings?.legalName ?? "",
    email: settings?.email ?? "",
    phone: settings?.phone ?? "",
    street: settings?.street ?? "",
    city: settings?.city ?? "",
    region: settings?.region ?? "",
    postalCode: settings?.postalCode ?? "",
    country: settings?.country ?? "",
    taxId: settings?.taxId ?? "",
    defaultCurrency: settings?.defaultCurrency ?? "USD",
    defaultPaymentTerms: String(settings?.defaultPaymentTerms ?? 30),
    invoiceNumberFormat: settings?.invoiceNumberFormat ?? "INV-{YYYY}-{SEQ:5}",
    invoiceNumberReset: settings?.invoiceNumberReset ?? "yearly",
    creditNoteNumberFormat: settings?.creditNoteNumberFormat ?? "CN-{YYYY}-{SEQ:5}",
  };
  const logoVersion = settings?.logoMime ? `${settings.updatedAt.getTime()}-${settings.logoSize ?? 0}` : null;

  return (
    <div className="space-y-6">
      <PageHeader title="Company settings" description="Who issues the invoices, and how they are numbered." />
      <LogoForm logoVersion={logoVersion} canUpload={settings !== null} />
      <SettingsForm defaults={defaults} currencies={Intl.supportedValuesOf("currency")} />
    </div>
  );
}
