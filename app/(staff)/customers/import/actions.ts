"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { getImportDefaults } from "@/lib/customers/import/defaults";
import { importCustomerBatch } from "@/lib/customers/import/run-batch";
import { importBatchSchema } from "@/lib/customers/import/schemas";

/** One batch of the CSV import; the defaults come from the settings here, never from the browser. */
export const importCustomersBatchAction = permissionAction("customers.write", importBatchSchema, async ({ rows, policy }, { db, actor }) => {
  const outcomes = await importCustomerBatch(db, rows, policy, await getImportDefaults(db), actor);
  if (outcomes.some((outcome) => outcome.status === "created" || outcome.status === "updated")) revalidatePath("/customers");
  return outcomes;
});
