import { z } from "zod";

// The parts of PayPal's answers and events we read. Loose objects: PayPal adds fields freely,
// and the whole payload is kept (webhook_events) for anything read later.

export const paypalAmountSchema = z.object({ currency_code: z.string().regex(/^[A-Za-z]{3}$/), value: z.string().min(1).max(32) });

const linkSchema = z.looseObject({ href: z.string(), rel: z.string(), method: z.string().optional() });
export type PayPalLink = z.infer<typeof linkSchema>;

export const captureSchema = z.looseObject({
  id: z.string().min(1).max(100),
  status: z.string(),
  amount: paypalAmountSchema.optional(),
  custom_id: z.string().max(255).optional(),
  invoice_id: z.string().optional(),
  links: z.array(linkSchema).optional(),
  supplementary_data: z.looseObject({ related_ids: z.looseObject({ order_id: z.string().optional() }).optional() }).optional(),
});
export type PayPalCapture = z.infer<typeof captureSchema>;

export const orderSchema = z.looseObject({
  id: z.string().min(1).max(100),
  status: z.string(),
  links: z.array(linkSchema).optional(),
  payer: z.looseObject({ email_address: z.string().optional() }).optional(),
  purchase_units: z
    .array(
      z.looseObject({
        custom_id: z.string().optional(),
        payments: z.looseObject({ captures: z.array(captureSchema).optional() }).optional(),
      }),
    )
    .optional(),
});
export type PayPalOrder = z.infer<typeof orderSchema>;

export const refundSchema = z.looseObject({
  id: z.string().min(1).max(100),
  status: z.string(),
  custom_id: z.string().max(255).optional(),
  amount: paypalAmountSchema.optional(),
  links: z.array(linkSchema).optional(),
});
export type PayPalRefund = z.infer<typeof refundSchema>;

export const webhookEventSchema = z.looseObject({
  id: z.string().min(1).max(200),
  event_type: z.string().min(1).max(200),
  resource: z.unknown(),
});
export type PayPalWebhookEvent = z.infer<typeof webhookEventSchema>;

/** The link PayPal sends the buyer to (rel "approve", or "payer-action" in newer answers). */
export function approveLink(links: PayPalLink[] | undefined): string | null {
  return links?.find((link) => link.rel === "approve" || link.rel === "payer-action")?.href ?? null;
}

/** The first capture of an order's first purchase unit. */
export function firstCapture(order: PayPalOrder): PayPalCapture | undefined {
  return order.purchase_units?.[0]?.payments?.captures?.[0];
}
