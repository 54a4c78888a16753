"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { env } from "@/lib/env";
import { setAutopay } from "@/lib/saved-cards/autopay";
import { chargeSavedCard } from "@/lib/saved-cards/charge";
import { createCardSetupLink } from "@/lib/saved-cards/setup-link";

const customerRef = z.object({ customerId: z.uuid() });
const chargeInput = z.object({ customerId: z.uuid(), invoiceId: z.uuid("Choose an invoice."), paymentMethodId: z.uuid("Choose a card.") });
const autopayInput = z.object({ customerId: z.uuid(), on: z.boolean() });

export const sendCardSetupLinkAction = permissionAction("payments.write", customerRef, async ({ customerId }, { db, actor }) => {
  await createCardSetupLink(db, customerId, env().APP_URL, actor);
  revalidatePath(`/customers/${customerId}`);
  return null;
});

export const chargeSavedCardAction = permissionAction("payments.write", chargeInput, async (input, { db, actor }) => {
  const { payment, status } = await chargeSavedCard(db, { invoiceId: input.invoiceId, paymentMethodId: input.paymentMethodId }, actor);
  revalidatePath(`/customers/${input.customerId}`);
  revalidatePath(`/invoices/${input.invoiceId}`);
  return { paymentId: payment.id, number: payment.number, status };
});

export const setAutopayAction = permissionAction("payments.write", autopayInput, async ({ customerId, on }, { db, actor }) => {
  const result = await setAutopay(db, customerId, on, actor);
  revalidatePath(`/customers/${customerId}`);
  return { on: result };
});
