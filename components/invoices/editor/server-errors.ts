import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";

/**
 * The update action nests the draft under `draft`, and line errors are nested paths
 * (`lines.2.taxRateIds`), which applyActionResult (top-level fields only) would not place. This
 * strips the prefix and puts nested errors at their fields; applyActionResult does the rest.
 */
export function placeNestedErrors<F extends FieldValues, T>(form: UseFormReturn<F>, result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldNames = Object.keys(form.getValues());
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(result.fieldErrors)) {
    const field = key.replace(/^draft\./, "");
    const [top] = field.split(".");
    if (field.includes(".") && top && fieldNames.includes(top)) form.setError(field as Path<F>, { type: "server", message: messages[0] });
    else fieldErrors[field] = messages;
  }
  return { ...result, fieldErrors };
}
