import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { getImportDefaults } from "@/lib/customers/import/defaults";
import { ImportWizard } from "./import-wizard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import customers" };

export default async function ImportCustomersPage() {
  await requirePermission("customers.write");
  const defaults = await getImportDefaults(await getDb());
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import customers"
        description={`Add or update customers from a CSV file. Blank currency and payment terms become ${defaults.currency} and ${defaults.paymentTerms} days.`}
        actions={
          <Button variant="outline" asChild>
            <Link href="/customers">
              <ArrowLeft />
              Customers
            </Link>
          </Button>
        }
      />
      <ImportWizard defaults={defaults} />
    </div>
  );
}
