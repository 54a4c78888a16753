"use server";

import { ActionError, publicAction } from "@/lib/actions";
import { linkFailureMessage } from "@/lib/auth/link-tokens";
import { completePasswordReset } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/account/schemas";

/** Sets the password from a reset or invitation link; the client then goes to /login?reset=1. */
export const resetPasswordAction = publicAction(resetPasswordSchema, async (input, { db, actor }) => {
  const result = await completePasswordReset(db, input.token, input.password, actor);
  if (!result.ok) throw new ActionError(linkFailureMessage(result.reason));
  return { redirectTo: "/login?reset=1" };
});
