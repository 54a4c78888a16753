import { ActionError, type ActionResult } from "@/lib/actions";

/** lib/ commands answer refusals as results; the action wrapper expects them thrown. */
export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new ActionError(result.error, result.fieldErrors);
  return result.data;
}
