import { Pencil, Percent, Plus } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { formatPercent } from "@/lib/tax-rates/percent";
import { listTaxRates } from "@/lib/tax-rates/queries";
import { TaxRateActiveButton } from "./tax-rate-active-button";
import { TaxRateDialog } from "./tax-rate-dialog";

export const dynamic = "force-dynamic";
export const metadata = { title: "Tax rates" };

export default async function TaxRatesPage() {
  await requirePermission("tax_rates.manage");
  const rates = await listTaxRates(await getDb());
  const newButton = (
    <TaxRateDialog
      trigger={
        <Button>
          <Plus />
          New tax rate
        </Button>
      }
    />
  );

  return (
    <div className="space-y-6">
      <PageHeader title="Tax rates" description="Rates offered on invoice lines. Deactivate a rate to retire it; rates are never deleted." actions={newButton} />
      <Card className="py-0">
        {rates.length === 0 ? (
          <EmptyState icon={<Percent />} title="No tax rates yet" description="Add the rates your invoices need, such as VAT 16% or a zero rate." />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead className="text-right">Percent</TableHead>
                <TableHead>Country</TableHead>
                <TableHead>Applies to</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="w-48">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rates.map((rate) => (
                <TableRow key={rate.id} data-testid="tax-rate-row" className={rate.active ? "" : "text-muted-foreground"}>
                  <TableCell className="font-medium">{rate.name}</TableCell>
                  <TableCell className="text-right font-mono tabular-nums">{formatPercent(rate.percent)}%</TableCell>
                  <TableCell>{rate.country ?? "Any"}</TableCell>
                  <TableCell>
                    {rate.compound ? (
                      <Badge variant="secondary" title="Charged on the line amount plus the other taxes">
                        Compound
                      </Badge>
                    ) : (
                      <span className="text-muted-foreground">Line amount</span>
                    )}
                  </TableCell>
                  <TableCell>{rate.active ? <Badge variant="success">Active</Badge> : <Badge variant="outline">Inactive</Badge>}</TableCell>
                  <TableCell className="text-right">
                    <TaxRateDialog
                      rate={{ id: rate.id, name: rate.name, percent: formatPercent(rate.percent), country: rate.country ?? "", compound: rate.compound }}
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`Edit ${rate.name}`}>
                          <Pencil />
                          Edit
                        </Button>
                      }
                    />
                    <TaxRateActiveButton id={rate.id} name={rate.name} active={rate.active} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
