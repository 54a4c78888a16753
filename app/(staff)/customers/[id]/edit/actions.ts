"use server";

import { revalidatePath } from "next/cache";
import type { CustomerSaveOutcome } from "@/components/customers/form/save-outcome";
import { permissionAction } from "@/lib/actions";
import { updateCustomer } from "@/lib/customers/commands";
import { customerUpdateSchema } from "@/lib/customers/schemas";
import { ConflictError } from "@/lib/errors";

/** Saves an edit made from `version`; a conflict comes back as data so the form can offer a reload. */
export const updateCustomerAction = permissionAction(
  "customers.write",
  customerUpdateSchema,
  async ({ id, version, customer, allowDuplicate }, { db, actor }): Promise<CustomerSaveOutcome> => {
    try {
      const result = await updateCustomer(db, id, version, customer, actor, { allowDuplicate });
      if (result.status === "duplicates") return result;
      revalidatePath("/customers");
      revalidatePath(`/customers/${id}`);
      return { status: "saved", id, number: result.customer.number };
    } catch (error) {
      if (error instanceof ConflictError) return { status: "conflict", message: error.message };
      throw error;
    }
  },
);
