"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { addPaymentMethodSchema, paymentMethodRefSchema } from "@/lib/customers/payment-method-schemas";
import { addPaymentMethod, removePaymentMethod, setDefaultPaymentMethod, verifyPaymentMethod } from "@/lib/customers/payment-methods";

const revalidate = (customerId: string) => revalidatePath(`/customers/${customerId}`);

export const addPaymentMethodAction = permissionAction("customers.write", addPaymentMethodSchema, async (input, { db, actor }) => {
  const method = await addPaymentMethod(db, input, actor);
  revalidate(input.customerId);
  return { id: method.id, isDefault: method.isDefault };
});

export const setDefaultPaymentMethodAction = permissionAction("customers.write", paymentMethodRefSchema, async (ref, { db, actor }) => {
  await setDefaultPaymentMethod(db, ref, actor);
  revalidate(ref.customerId);
  return null;
});

export const verifyPaymentMethodAction = permissionAction("customers.write", paymentMethodRefSchema, async (ref, { db, actor }) => {
  await verifyPaymentMethod(db, ref, actor);
  revalidate(ref.customerId);
  return null;
});

export const removePaymentMethodAction = permissionAction("customers.write", paymentMethodRefSchema, async (ref, { db, actor }) => {
  const result = await removePaymentMethod(db, ref, actor);
  revalidate(ref.customerId);
  return result;
});
