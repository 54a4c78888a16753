"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { blankTemplateValues, templateFieldsSchema, type TemplateFormValues } from "@/lib/invoice-templates/schemas";
import { createTemplateAction, updateTemplateAction } from "@/app/(admin)/admin/templates/actions";
import type { EditableTemplate } from "./form-values";
import { TemplateFields } from "./template-fields";

interface Props {
  /** the template to edit; a new one when absent */
  template?: EditableTemplate;
  /** an element that opens the dialog, or control it with open/onOpenChange */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

export function TemplateDialog({ template, trigger, open: controlledOpen, onOpenChange }: Props) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const initial = template?.values ?? blankTemplateValues();
  const form = useForm<TemplateFormValues>({
    resolver: zodResolver(templateFieldsSchema, undefined, { raw: true }),
    defaultValues: initial,
  });

  function setOpen(next: boolean) {
    if (next) form.reset(initial);
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  }

  async function onSubmit() {
    const values = form.getValues();
    const result = template ? await updateTemplateAction({ ...values, id: template.id }) : await createTemplateAction(values);
    const saved = applyActionResult(form, result, template ? "Template saved." : "Template created.");
    if (saved) setOpen(false);
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{template ? `Edit ${template.values.name}` : "New template"}</DialogTitle>
          <DialogDescription>
            {template ? "Invoices that use this template show the change, on screen, in the PDF and in the email." : "How invoices look on screen, in the PDF and in the email."}
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" data-testid="template-form">
            <FormError message={form.formState.errors.root?.message} />
            <TemplateFields />
            <DialogFooter>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : template ? "Save" : "Create template"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
