import type { InvoiceTemplate } from "@/db/schema";
import { TEMPLATE_COLUMN_OPTIONS, type TemplateFormValues } from "@/lib/invoice-templates/schemas";

/** A stored template as the dialog edits it. */
export interface EditableTemplate {
  id: string;
  isDefault: boolean;
  values: TemplateFormValues;
}

export function toEditableTemplate(template: InvoiceTemplate): EditableTemplate {
  return {
    id: template.id,
    isDefault: template.isDefault,
    values: {
      name: template.name,
      accentColor: template.accentColor,
      showLogo: template.showLogo,
      headerText: template.headerText ?? "",
      footerText: template.footerText ?? "",
      columns: TEMPLATE_COLUMN_OPTIONS.filter((column) => template.columns.includes(column)),
      defaultNotes: template.defaultNotes ?? "",
      defaultTerms: template.defaultTerms ?? "",
    },
  };
}
