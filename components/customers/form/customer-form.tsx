"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircle, Loader2, RotateCw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { updateCustomerAction } from "@/app/(staff)/customers/[id]/edit/actions";
import { createCustomerAction } from "@/app/(staff)/customers/new/actions";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
  const [conflict, setConflict] = useState<string | null>(null);

  // The server re-parses the text as typed with the full rule set (customerInputSchema).
  async function save(allowDuplicate: boolean) {
    setSaving(true);
    setConflict(null);
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
    if (outcome?.status === "conflict") {
      setConflict(outcome.message);
      toast.error(outcome.message);
    }
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

        <div className="sticky bottom-0 z-10 -mx-1 space-y-3 border-t bg-background/95 px-1 py-4 backdrop-blur">
          {conflict ? (
            <Alert variant="destructive" data-testid="form-error">
              <AlertCircle />
              <AlertDescription className="flex flex-wrap items-center justify-between gap-3">
                <span>{conflict}</span>
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  onClick={() => {
                    setConflict(null);
                    // the page re-renders with the new version; the form remounts with their changes
                    router.refresh();
                  }}
                >
                  <RotateCw />
                  Reload
                </Button>
              </AlertDescription>
            </Alert>
          ) : (
            <FormError message={rootError} />
          )}
          <div className="flex justify-end gap-2">
            <Button variant="outline" asChild>
              <Link href={cancelHref}>Cancel</Link>
            </Button>
            <Button type="submit" disabled={saving}>
              {saving ? <Loader2 className="animate-spin" /> : null}
              {mode.kind === "create" ? "Create customer" : "Save changes"}
            </Button>
          </div>
        </div>
      </form>
      <DuplicateDialog matches={matches} pending={saving} onSaveAnyway={() => void save(true)} onCancel={() => setMatches(null)} />
    </Form>
  );
}
