import { LayoutTemplate, Plus } from "lucide-react";
import { formatDateTime } from "@/components/admin/format";
import { toEditableTemplate } from "@/components/admin/templates/form-values";
import { TemplateDialog } from "@/components/admin/templates/template-dialog";
import { TemplateRowActions } from "@/components/admin/templates/template-row-actions";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { listTemplates } from "@/lib/invoice-templates/queries";
import { TEMPLATE_COLUMN_LABELS, TEMPLATE_COLUMN_OPTIONS } from "@/lib/invoice-templates/schemas";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invoice templates" };

function columnSummary(columns: string[]): string {
  const shown = TEMPLATE_COLUMN_OPTIONS.filter((column) => columns.includes(column)).map((column) => TEMPLATE_COLUMN_LABELS[column]);
  return shown.length ? shown.join(", ") : "Description and amount only";
}

export default async function TemplatesPage() {
  await requirePermission("settings.manage");
  const templates = await listTemplates(await getDb());
  const newButton = (
    <TemplateDialog
      trigger={
        <Button>
          <Plus />
          New template
        </Button>
      }
    />
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Invoice templates"
        description="How invoices look on screen, in the PDF and in the email. New invoices start from the default."
        actions={newButton}
      />
      <Card className="py-0">
        {templates.length === 0 ? (
          <EmptyState
            icon={<LayoutTemplate />}
            title="No templates yet"
            description="Create one to set the accent colour, the line columns and the notes new invoices start with. The first becomes the default."
          />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Accent</TableHead>
                <TableHead>Line columns</TableHead>
                <TableHead>Logo</TableHead>
                <TableHead>Updated</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {templates.map((template) => (
                <TableRow key={template.id} data-testid="template-row">
                  <TableCell className="font-medium">
                    <span className="flex items-center gap-2">
                      {template.name}
                      {template.isDefault ? <Badge variant="success">Default</Badge> : null}
                    </span>
                  </TableCell>
                  <TableCell>
                    <span className="flex items-center gap-2 font-mono text-xs">
                      <span aria-hidden className="size-4 rounded-sm border" style={{ backgroundColor: template.accentColor }} />
                      {template.accentColor}
                    </span>
                  </TableCell>
                  <TableCell className="text-sm">{columnSummary(template.columns)}</TableCell>
                  <TableCell>{template.showLogo ? "Shown" : <span className="text-muted-foreground">Hidden</span>}</TableCell>
                  <TableCell className="text-sm text-muted-foreground">{formatDateTime(template.updatedAt)}</TableCell>
                  <TableCell className="text-right">
                    <TemplateRowActions template={toEditableTemplate(template)} />
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
