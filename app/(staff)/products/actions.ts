"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { ConflictError } from "@/lib/errors";
import { createProduct, deleteProduct, setProductActive, updateProduct } from "@/lib/products/commands";
import { productActiveSchema, productIdSchema, productInputSchema, productUpdateSchema } from "@/lib/products/schemas";

const PATH = "/products";

/** What a save returns: a conflict comes back as data, so the dialog can say so and reload the list. */
export type ProductSaveOutcome = { status: "saved"; id: string; name: string } | { status: "conflict"; message: string };

export const createProductAction = permissionAction("invoices.write", productInputSchema, async (input, { db, actor }): Promise<ProductSaveOutcome> => {
  const product = await createProduct(db, input, actor);
  revalidatePath(PATH);
  return { status: "saved", id: product.id, name: product.name };
});

export const updateProductAction = permissionAction(
  "invoices.write",
  productUpdateSchema,
  async ({ id, version, ...input }, { db, actor }): Promise<ProductSaveOutcome> => {
    try {
      const product = await updateProduct(db, id, version, input, actor);
      revalidatePath(PATH);
      return { status: "saved", id: product.id, name: product.name };
    } catch (error) {
      if (error instanceof ConflictError) return { status: "conflict", message: error.message };
      throw error;
    }
  },
);

export const setProductActiveAction = permissionAction("invoices.write", productActiveSchema, async ({ id, active }, { db, actor }) => {
  const product = await setProductActive(db, id, active, actor);
  revalidatePath(PATH);
  return { name: product.name, active: product.active };
});

export const deleteProductAction = permissionAction("invoices.write", productIdSchema, async ({ id }, { db, actor }) => {
  await deleteProduct(db, id, actor);
  revalidatePath(PATH);
  return null;
});
