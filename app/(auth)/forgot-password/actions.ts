"use server";

import { publicAction } from "@/lib/actions";
import { requestPasswordReset, RESET_REQUESTED_MESSAGE } from "@/lib/auth/password-reset";
import { forgotPasswordSchema } from "@/lib/account/schemas";

/** The same answer whether or not the address has an account. */
export const forgotPasswordAction = publicAction(forgotPasswordSchema, async (input, { db, actor }) => {
  await requestPasswordReset(db, input.email, { ...actor, label: input.email.toLowerCase() });
  return { message: RESET_REQUESTED_MESSAGE };
});
