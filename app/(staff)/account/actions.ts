"use server";

import { revalidatePath } from "next/cache";
import { ActionError, userAction } from "@/lib/actions";
import { EMAIL_TAKEN_MESSAGE, updateProfile } from "@/lib/account/profile";
import { profileSchema } from "@/lib/account/schemas";
import { isStaff } from "@/lib/auth/permissions";

/** The signed-in staff member's own name and email. */
export const updateProfileAction = userAction(profileSchema, async (input, { db, user, actor }) => {
  // customers manage their profile in the portal, against their customer record
  if (!isStaff(user.role)) throw new ActionError("You do not have permission to do this.");
  const result = await updateProfile(db, user.id, input, actor);
  if (!result.ok) {
    if (result.reason === "email_taken") throw new ActionError(EMAIL_TAKEN_MESSAGE, { email: [EMAIL_TAKEN_MESSAGE] });
    throw new ActionError("Your session has ended. Sign in again.");
  }
  revalidatePath("/", "layout");
  return undefined;
});
