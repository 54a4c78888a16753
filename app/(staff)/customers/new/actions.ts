"use server";

import { revalidatePath } from "next/cache";
import type { CustomerSaveOutcome } from "@/components/customers/form/save-outcome";
import { permissionAction } from "@/lib/actions";
import { createCustomer } from "@/lib/customers/commands";
import { customerCreateSchema } from "@/lib/customers/schemas";

/** Creates a customer, or answers the look-alikes so the form can ask before saving anyway. */
export const createCustomerAction = permissionAction(
  "customers.write",
  customerCreateSchema,
  async ({ customer, allowDuplicate }, { db, actor }): Promise<CustomerSaveOutcome> => {
    const result = await createCustomer(db, customer, actor, { allowDuplicate });
    if (result.status === "duplicates") return result;
    revalidatePath("/customers");
    return { status: "saved", id: result.customer.id, number: result.customer.number };
  },
);
