import { z } from "zod";
import type { TemplateColumn } from "@/db/schema/invoice-templates";

// Shared by the template dialog (client) and the server actions: one rule set. Only a type comes
// from the db schema, so client bundles do not pull drizzle in.

/** The optional line-table columns, in the order an invoice shows them. Must name every TemplateColumn. */
export const TEMPLATE_COLUMN_LABELS = {
  quantity: "Quantity",
  unit: "Unit",
  unit_price: "Unit price",
  discount: "Discount",
  tax: "Tax",
} as const satisfies Record<TemplateColumn, string>;

export const TEMPLATE_COLUMN_OPTIONS = Object.keys(TEMPLATE_COLUMN_LABELS) as TemplateColumn[];

export const DEFAULT_ACCENT_COLOR = "#2563eb";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max.toLocaleString("en-US")} characters.`)
    .transform((value) => (value === "" ? null : value));

const column = z.enum(TEMPLATE_COLUMN_OPTIONS as [TemplateColumn, ...TemplateColumn[]], { error: "Choose columns from the list." });

export const templateFieldsSchema = z.object({
  name: z.string().trim().min(1, "Enter a name, such as Standard.").max(100, "Use at most 100 characters."),
  accentColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour such as #2563eb.")
    .transform((value) => value.toLowerCase()),
  showLogo: z.boolean(),
  headerText: optionalText(500),
  footerText: optionalText(1000),
  // stored in the invoice's column order whatever order they were ticked in
  columns: z
    .array(column)
    .refine((values) => new Set(values).size === values.length, "Choose each column once.")
    .transform((values) => TEMPLATE_COLUMN_OPTIONS.filter((option) => values.includes(option))),
  defaultNotes: optionalText(5000),
  defaultTerms: optionalText(5000),
});
export type TemplateFormValues = z.input<typeof templateFieldsSchema>;
export type TemplateInput = z.output<typeof templateFieldsSchema>;

export const updateTemplateSchema = templateFieldsSchema.extend({ id: z.uuid("Unknown template.") });
export type UpdateTemplateInput = z.output<typeof updateTemplateSchema>;

export const templateIdSchema = z.object({ id: z.uuid("Unknown template.") });

/** The form's starting values for a new template. */
export function blankTemplateValues(): TemplateFormValues {
  return {
    name: "",
    accentColor: DEFAULT_ACCENT_COLOR,
    showLogo: true,
    headerText: "",
    footerText: "",
    columns: [...TEMPLATE_COLUMN_OPTIONS],
    defaultNotes: "",
    defaultTerms: "",
  };
}
