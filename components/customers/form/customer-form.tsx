"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { updateCustomerAction } from "@/app/(staff)/customers/[id]/edit/actions";
import { createCustomerAction } from "@/app/(staff)/customers/new/actions";
import { SaveBar, useEditConflict } from "@/components/forms/save-bar";
import { applyActionResult } from "@/components/forms/submit-action";
import { Form } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions";
import type { DuplicateMatch } from "@/lib/customers/duplicates";
import { customerFields, type CustomerFormValues } from "@/lib/customers/schemas";
import { AddressSection } from "./address-section";
import { BusinessSection } from "./business-section";
import { ContactSection } from "./contact-section";
import { DuplicateDialog } from "./duplicate-dialog";
import { ExtrasSection } from "./extras-section";
import type { CustomerFormDefaults } from "./form-values";
import type { CustomerSaveOutcome } from "./save-outcome";
import { TermsSection } from "./terms-section";

export type CustomerFormMode = { kind: "create" } | { kind: "edit"; id: string; version: number };

interface Props {
  mode: CustomerFormMode;
  defaults: CustomerFormDefaults;
  cancelHref: string;
}

/** The actions nest the fields under `customer`; the form's fields are flat. */
function flattenFieldErrors<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([key, messages]) => [key.replace(/^customer\./, ""), messages]));
  return { ...result, fieldErrors };
}

export function CustomerForm({ mode, defaults, cancelHref }: Props) {
  const router = useRouter();
  // Typed on the input shape: save() sends the text as typed (getValues), never the parsed output.
  const form = useForm<CustomerFormValues>({
    resolver: zodResolver(customerFields, undefined, { raw: true }),
    defaultValues: defaults,
  });
  const [saving, setSaving] = useState(false);
  const [matches, setMatches] = useState<DuplicateMatch[] | null>(null);
  const conflict = useEditConflict();

  // The server re-parses the text as typed with the full rule set (customerInputSchema).
  async function save(allowDuplicate: boolean) {
    setSaving(true);
    conflict.clear();
    const customer = form.getValues();
    const result: ActionResult<CustomerSaveOutcome> =
      mode.kind === "create"
        ? await createCustomerAction({ allowDuplicate, customer })
        : await updateCustomerAction({ id: mode.id, version: mode.version, allowDuplicate, customer });
    const outcome = applyActionResult(form, flattenFieldErrors(result));
    if (outcome?.status === "saved") {
      // stays "saving" while the detail page loads, so a second click cannot save twice
      setMatches(null);
      toast.success(mode.kind === "create" ? `Customer ${outcome.number} created.` : "Changes saved.");
      router.push(`/customers/${outcome.id}`);
      return;
    }
    setSaving(false);
    if (outcome?.status === "duplicates") setMatches(outcome.matches);
    else setMatches(null);
    if (outcome?.status === "conflict") conflict.report(outcome.message);
  }

  const rootError = form.formState.errors.root?.message;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(() => save(false))} className="space-y-6" noValidate aria-busy={saving}>
        <ContactSection />
        <AddressSection />
        <BusinessSection />
        <TermsSection />
        <ExtrasSection />

        <SaveBar
          conflict={conflict.message}
          onReload={conflict.clear}
          error={rootError}
          cancelHref={cancelHref}
          saving={saving}
          submitLabel={mode.kind === "create" ? "Create customer" : "Save changes"}
        />
      </form>
      <DuplicateDialog matches={matches} pending={saving} onSaveAnyway={() => void save(true)} onCancel={() => setMatches(null)} />
    </Form>
  );
}
