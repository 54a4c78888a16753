"use client";

import { useFormContext } from "react-hook-form";
import { TextField, type TextFieldProps } from "@/components/forms/text-field";
import type { CustomerFormValues } from "@/lib/customers/schemas";

/** The customer fields typed as plain text. */
export type CustomerTextName = Exclude<
  keyof CustomerFormValues,
  "paymentTerms" | "preferredPaymentMethod" | "tags" | "metadata" | "autoSendInvoices" | "sendReminders" | "language"
>;

type Props = Omit<TextFieldProps<CustomerFormValues>, "control" | "name" | "itemClassName"> & { name: CustomerTextName };

/** A text field of the customer form; the sections get the form from context. `className` sizes the cell. */
export function CustomerTextField({ className, ...props }: Props) {
  const { control } = useFormContext<CustomerFormValues>();
  return <TextField control={control} itemClassName={className} {...props} />;
}
