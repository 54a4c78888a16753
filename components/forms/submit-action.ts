"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions";

/**
 * Shows a server action's result on a react-hook-form form: field errors under their fields,
 * anything else as a toast. Returns the data on success, undefined otherwise.
 */
export function applyActionResult<F extends FieldValues, T>(
  form: UseFormReturn<F>,
  result: ActionResult<T>,
  successMessage?: string,
): T | undefined {
  if (result.ok) {
    if (successMessage) toast.success(successMessage);
    return result.data;
  }
  const fieldNames = Object.keys(form.getValues());
  let placed = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (!fieldNames.includes(field)) continue;
    form.setError(field as Path<F>, { type: "server", message: messages[0] });
    placed = true;
  }
  if (!placed) form.setError("root", { type: "server", message: result.error });
  toast.error(result.error);
  return undefined;
}
