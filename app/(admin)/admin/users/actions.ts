"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { changeUserRole, deactivateUser, inviteUser, reactivateUser, resendInvitation, unlockUser } from "@/lib/users/commands";
import { changeRoleSchema, inviteUserSchema, userIdSchema } from "@/lib/users/schemas";
import { unwrap } from "../unwrap";

const PATH = "/admin/users";

export const inviteUserAction = permissionAction("users.manage", inviteUserSchema, async (input, { db, actor }) => {
  const data = unwrap(await inviteUser(db, input, actor));
  revalidatePath(PATH);
  return data;
});

export const resendInvitationAction = permissionAction("users.manage", userIdSchema, async ({ userId }, { db, actor }) => {
  const data = unwrap(await resendInvitation(db, userId, actor));
  revalidatePath(PATH);
  return data;
});

export const changeRoleAction = permissionAction("users.manage", changeRoleSchema, async (input, { db, actor }) => {
  const data = unwrap(await changeUserRole(db, input, actor));
  revalidatePath(PATH);
  return data;
});

export const deactivateUserAction = permissionAction("users.manage", userIdSchema, async ({ userId }, { db, actor }) => {
  unwrap(await deactivateUser(db, userId, actor));
  revalidatePath(PATH);
  return null;
});

export const reactivateUserAction = permissionAction("users.manage", userIdSchema, async ({ userId }, { db, actor }) => {
  unwrap(await reactivateUser(db, userId, actor));
  revalidatePath(PATH);
  return null;
});

export const unlockUserAction = permissionAction("users.manage", userIdSchema, async ({ userId }, { db, actor }) => {
  unwrap(await unlockUser(db, userId, actor));
  revalidatePath(PATH);
  return null;
});
