"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, userAction } from "@/lib/actions";
import { changePassword } from "@/lib/account/password";
import { changePasswordSchema, confirmPasswordSchema, totpCodeSchema } from "@/lib/account/schemas";
import { updateSession } from "@/lib/auth";
import { isStaff } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import {
  confirmTwoFactor,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
  twoFactorFailureMessage,
  type TwoFactorFailure,
} from "@/lib/auth/two-factor";

// customers get their own security page in the portal
function assertStaff(user: CurrentUser) {
  if (!isStaff(user.role)) throw new ActionError("You do not have permission to do this.");
}

function refuse(reason: TwoFactorFailure, field: string): never {
  const message = twoFactorFailureMessage(reason);
  const fieldLevel = reason === "invalid_code" || reason === "wrong_password";
  throw new ActionError(message, fieldLevel ? { [field]: [message] } : undefined);
}

/** Ends every other session of the user; this one carries on with the new session version. */
export const changePasswordAction = userAction(changePasswordSchema, async (input, { db, user, actor }) => {
  assertStaff(user);
  const result = await changePassword(db, user.id, { currentPassword: input.currentPassword, newPassword: input.password }, actor);
  if (!result.ok) {
    const message = "That is not your current password.";
    throw new ActionError(message, { currentPassword: [message] });
  }
  await updateSession({ sessionVersion: result.sessionVersion });
  return undefined;
});

export const startTwoFactorAction = userAction(z.object({}), async (_input, { db, user, actor }) => {
  assertStaff(user);
  const result = await startTwoFactorSetup(db, user.id, actor);
  if (!result.ok) refuse(result.reason, "code");
  return { secret: result.secret, qrDataUrl: result.qrDataUrl };
});

export const confirmTwoFactorAction = userAction(totpCodeSchema, async (input, { db, user, actor }) => {
  assertStaff(user);
  const result = await confirmTwoFactor(db, user.id, input.code, actor);
  if (!result.ok) refuse(result.reason, "code");
  revalidatePath("/account/security");
  return { recoveryCodes: result.recoveryCodes };
});

export const disableTwoFactorAction = userAction(confirmPasswordSchema, async (input, { db, user, actor }) => {
  assertStaff(user);
  const result = await disableTwoFactor(db, user.id, input.password, actor);
  if (!result.ok) refuse(result.reason, "password");
  revalidatePath("/account/security");
  return undefined;
});

export const regenerateRecoveryCodesAction = userAction(totpCodeSchema, async (input, { db, user, actor }) => {
  assertStaff(user);
  const result = await regenerateRecoveryCodes(db, user.id, input.code, actor);
  if (!result.ok) refuse(result.reason, "code");
  revalidatePath("/account/security");
  return { recoveryCodes: result.recoveryCodes };
});
