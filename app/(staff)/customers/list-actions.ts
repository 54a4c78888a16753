"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { changeCustomerStatus } from "@/lib/customers/commands";

const archiveSchema = z.object({ id: z.uuid("Unknown customer.") });

/** The list's row action; the command checks the current status under a row lock and audits. */
export const archiveCustomerAction = permissionAction("customers.delete", archiveSchema, async ({ id }, { db, actor }) => {
  const customer = await changeCustomerStatus(db, id, "archive", actor);
  revalidatePath("/customers");
  return { displayName: customer.displayName };
});
