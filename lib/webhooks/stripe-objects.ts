import { z } from "zod";

// The parts of Stripe's objects the webhook reads, checked before use; everything else is stored
// as received on the event row. Expandable fields arrive as an id or as the object.

const metadata = z.record(z.string(), z.string()).nullish();
const expandable = <T extends z.ZodType>(object: T) => z.union([z.string(), object]).nullish();
export const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === "string" ? value : (value?.id ?? null));

export const stripeEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(200),
  data: z.object({ object: z.looseObject({}) }),
});
export type StripeEventEnvelope = z.infer<typeof stripeEventSchema>;

export const balanceTransactionSchema = z.looseObject({ id: z.string(), fee: z.number().int(), net: z.number().int(), currency: z.string() });

const chargeRef = z.looseObject({ id: z.string(), balance_transaction: expandable(balanceTransactionSchema) });

export const checkoutSessionSchema = z.looseObject({
  id: z.string().min(1),
  mode: z.enum(["payment", "setup", "subscription"]),
  payment_status: z.string(),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  client_reference_id: z.string().nullish(),
  metadata,
  payment_intent: expandable(z.looseObject({ id: z.string() })),
  setup_intent: expandable(z.looseObject({ id: z.string() })),
  customer: expandable(z.looseObject({ id: z.string() })),
  customer_email: z.string().nullish(),
  customer_details: z.looseObject({ email: z.string().nullish() }).nullish(),
});
export type StripeCheckoutSession = z.infer<typeof checkoutSessionSchema>;

export const paymentIntentSchema = z.looseObject({
  id: z.string().min(1),
  amount: z.number().int(),
  amount_received: z.number().int().nullish(),
  currency: z.string(),
  status: z.string(),
  metadata,
  receipt_email: z.string().nullish(),
  latest_charge: expandable(chargeRef),
  last_payment_error: z.looseObject({ message: z.string().nullish(), code: z.string().nullish() }).nullish(),
});
export type StripePaymentIntent = z.infer<typeof paymentIntentSchema>;

export const refundSchema = z.looseObject({
  id: z.string().min(1),
  amount: z.number().int(),
  currency: z.string(),
  status: z.string().nullish(),
  metadata,
  payment_intent: expandable(z.looseObject({ id: z.string() })),
});

export const chargeSchema = z.looseObject({
  id: z.string().min(1),
  payment_intent: expandable(z.looseObject({ id: z.string() })),
  refunds: z.looseObject({ data: z.array(refundSchema) }).nullish(),
});

export const disputeSchema = z.looseObject({
  id: z.string().min(1),
  amount: z.number().int(),
  currency: z.string(),
  reason: z.string(),
  status: z.string(),
  payment_intent: expandable(z.looseObject({ id: z.string() })),
  evidence_details: z.looseObject({ due_by: z.number().int().nullish() }).nullish(),
});
export type StripeDispute = z.infer<typeof disputeSchema>;

export const setupIntentSchema = z.looseObject({
  id: z.string().min(1),
  customer: expandable(z.looseObject({ id: z.string() })),
  metadata,
  payment_method: expandable(
    z.looseObject({
      id: z.string(),
      card: z.looseObject({ brand: z.string(), last4: z.string(), exp_month: z.number().int(), exp_year: z.number().int() }).nullish(),
    }),
  ),
});
