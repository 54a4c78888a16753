"use server";

import { CredentialsSignin } from "next-auth";
import { ActionError, publicAction } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { findUserByEmail, loginFailureMessage } from "@/lib/auth/login";
import { homeFor } from "@/lib/auth/session";
import { safeCallbackUrl, toLoginFailure } from "@/lib/account/login-redirect";
import { loginSchema } from "@/lib/account/schemas";

type LoginOutcome = { needsCode: true } | { redirectTo: string };

/** Email + password, then (when the account has it on) the second factor, in the same form. */
export const loginAction = publicAction(loginSchema, async (input, { db }): Promise<LoginOutcome> => {
  try {
    // always a string: Auth.js posts the fields as a form, where undefined would become "undefined"
    await signIn("credentials", { email: input.email, password: input.password, code: input.code ?? "", redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const reason = toLoginFailure(error.code);
    if (reason === "totp_required") return { needsCode: true };
    throw new ActionError(loginFailureMessage(reason));
  }
  // The new session cookie is not readable until the next request, so the role comes from the row.
  const user = await findUserByEmail(db, input.email);
  if (!user) throw new ActionError(loginFailureMessage("invalid"));
  return { redirectTo: safeCallbackUrl(input.callbackUrl) ?? homeFor(user.role) };
});
