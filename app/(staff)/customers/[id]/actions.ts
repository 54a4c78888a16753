"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, permissionAction } from "@/lib/actions";
import { can } from "@/lib/auth/permissions";
import { changeCustomerStatus, deleteCustomer } from "@/lib/customers/commands";

const statusSchema = z.object({ id: z.uuid(), change: z.enum(["suspend", "reactivate", "archive", "restore"]) });
const idSchema = z.object({ id: z.uuid() });

function revalidate(id: string) {
  revalidatePath("/customers");
  revalidatePath(`/customers/${id}`);
}

/** Suspend / reactivate need customers.write; archive / restore need customers.delete. */
export const changeCustomerStatusAction = permissionAction("customers.write", statusSchema, async ({ id, change }, { db, user, actor }) => {
  if ((change === "archive" || change === "restore") && !can(user.role, "customers.delete")) {
    throw new ActionError("You do not have permission to do this.");
  }
  const customer = await changeCustomerStatus(db, id, change, actor);
  revalidate(id);
  return { status: customer.status };
});

/** Soft delete: the record and its history stay, lists no longer show it. */
export const deleteCustomerAction = permissionAction("customers.delete", idSchema, async ({ id }, { db, actor }) => {
  await deleteCustomer(db, id, actor);
  revalidate(id);
  return null;
});
