"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createInvoiceDraftAction, updateInvoiceDraftAction, type InvoiceDraftSaveOutcome } from "@/app/(staff)/invoices/editor-actions";
import { SaveBar, useEditConflict } from "@/components/forms/save-bar";
import { applyActionResult } from "@/components/forms/submit-action";
import { Card, CardContent } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions";
import type { EditorOptions, PickerCustomer } from "@/lib/invoices/editor-options";
import { invoiceDraftSchema, type InvoiceDraftFormValues } from "@/lib/invoices/schemas";
import { CustomerPicker } from "./customer-picker";
import { DiscountField } from "./discount-field";
import { dueDateFor } from "./form-values";
import { InvoiceDetails } from "./invoice-details";
import { LineItems } from "./line-items";
import { placeNestedErrors } from "./server-errors";
import { TextBlocks } from "./text-blocks";
import { TotalsPanel } from "./totals-panel";

export type InvoiceEditorMode = { kind: "create" } | { kind: "edit"; id: string; version: number };

interface Props {
  mode: InvoiceEditorMode;
  defaults: InvoiceDraftFormValues;
  /** the draft's customer, or the one preselected by ?customerId= */
  customer: PickerCustomer | null;
  options: EditorOptions;
  cancelHref: string;
}

/** The draft invoice form: customer, details, lines with live totals; "Save draft" stores it as typed. */
export function InvoiceEditor({ mode, defaults, customer: initialCustomer, options, cancelHref }: Props) {
  const router = useRouter();
  // typed on the input shape: save() sends the text as typed; the server parses it with the same schema
  const form = useForm<InvoiceDraftFormValues>({
    resolver: zodResolver(invoiceDraftSchema, undefined, { raw: true }),
    defaultValues: defaults,
  });
  const [customer, setCustomer] = useState(initialCustomer);
  const [saving, setSaving] = useState(false);
  const conflict = useEditConflict();
  const dirty = form.formState.isDirty;

  // leaving with unsaved changes asks first (a reload, a closed tab; in-app links are not covered)
  useEffect(() => {
    if (!dirty || saving) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty, saving]);

  function chooseCustomer(next: PickerCustomer) {
    setCustomer(next);
    const validate = form.formState.isSubmitted;
    form.setValue("customerId", next.id, { shouldDirty: true, shouldValidate: validate });
    form.setValue("currency", next.currency, { shouldDirty: true, shouldValidate: validate });
    form.setValue("confirmCurrency", false, { shouldDirty: true });
    form.setValue("dueDate", dueDateFor(form.getValues("issueDate"), next.paymentTerms, form.getValues("dueDate")), {
      shouldDirty: true,
      shouldValidate: validate,
    });
  }

  async function save(values: InvoiceDraftFormValues) {
    if (customer && values.currency !== customer.currency && !values.confirmCurrency) {
      form.setError("confirmCurrency", { type: "manual", message: `Confirm invoicing in ${values.currency}, or switch back to ${customer.currency}.` });
      return;
    }
    setSaving(true);
    conflict.clear();
    const result: ActionResult<InvoiceDraftSaveOutcome> =
      mode.kind === "create" ? await createInvoiceDraftAction(values) : await updateInvoiceDraftAction({ id: mode.id, version: mode.version, draft: values });
    const outcome = applyActionResult(form, placeNestedErrors(form, result));
    if (outcome?.status === "saved") {
      // stays "saving" while the detail page loads, so a second click cannot save twice
      toast.success(mode.kind === "create" ? "Draft saved." : "Changes saved.");
      router.replace(`/invoices/${outcome.id}`);
      return;
    }
    setSaving(false);
    if (outcome?.status === "conflict") conflict.report(outcome.message);
  }

  const rootError = form.formState.errors.root?.message;
  return (
    <Form {...form}>
      {/* getValues: the text as typed (the resolver checked it; the action parses it again) */}
      <form onSubmit={form.handleSubmit(() => save(form.getValues()))} className="space-y-6" noValidate aria-busy={saving} data-testid="invoice-editor">
        <Card>
          <CardContent className="space-y-4">
            <CustomerPicker customer={customer} onChoose={chooseCustomer} />
            <InvoiceDetails
              customer={customer}
              defaultCurrency={options.defaultCurrency}
              paymentTerms={customer?.paymentTerms ?? options.defaultPaymentTerms}
              templates={options.templates}
            />
          </CardContent>
        </Card>

        <Card>
          <CardContent>
            <LineItems rates={options.taxRates} />
          </CardContent>
        </Card>

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <Card>
            <CardContent>
              <TextBlocks />
            </CardContent>
          </Card>
          <div className="space-y-4">
            <DiscountField />
            <TotalsPanel rates={options.taxRates} />
          </div>
        </div>

        <SaveBar
          conflict={conflict.message}
          onReload={conflict.clear}
          error={rootError}
          cancelHref={cancelHref}
          saving={saving}
          submitLabel={"Save draft"}
        />
      </form>
    </Form>
  );
}
