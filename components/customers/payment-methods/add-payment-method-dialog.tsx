"use client";

import { Loader2, Plus } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { addPaymentMethodAction } from "@/app/(staff)/customers/[id]/payment-method-actions";
import { NativeSelect } from "@/components/admin/native-select";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  addPaymentMethodSchema,
  MANUAL_PAYMENT_METHOD_KINDS,
  PAYMENT_METHOD_KIND_LABELS,
  type AddPaymentMethodFormValues,
  type ManualPaymentMethodKind,
} from "@/lib/customers/payment-method-schemas";

/** One flat set of fields; only those of the chosen kind are sent. */
interface Values {
  kind: ManualPaymentMethodKind;
  label: string;
  bankName: string;
  accountLast4: string;
  walletProvider: string;
  walletPhone: string;
}
type TextName = Exclude<keyof Values, "kind">;

const EMPTY: Values = { kind: "bank_transfer", label: "", bankName: "", accountLast4: "", walletProvider: "", walletPhone: "" };
const WALLET_PROVIDERS = ["M-Pesa", "Airtel Money", "MTN MoMo", "Orange Money", "Tigo Pesa"];

function payload(customerId: string, values: Values): AddPaymentMethodFormValues {
  const { kind, label } = values;
  switch (kind) {
    case "bank_transfer":
      return { customerId, kind, label, bankName: values.bankName, accountLast4: values.accountLast4 };
    case "local_wallet":
      return { customerId, kind, label, walletProvider: values.walletProvider, walletPhone: values.walletPhone };
    default:
      return { customerId, kind, label };
  }
}

/** Validates with the shared schema, for the chosen kind only. */
function resolverFor(customerId: string): Resolver<Values> {
  return async (values) => {
    const parsed = addPaymentMethodSchema.safeParse(payload(customerId, values));
    if (parsed.success) return { values, errors: {} };
    const errors: FieldErrors<Values> = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path[0];
      if (typeof name === "string" && name in EMPTY && !errors[name as keyof Values]) errors[name as keyof Values] = { type: "validation", message: issue.message };
    }
    return { values: {}, errors };
  };
}

export function AddPaymentMethodDialog({ customerId }: { customerId: string }) {
  const [open, setOpen] = useState(false);
  const form = useForm<Values>({ resolver: resolverFor(customerId), defaultValues: EMPTY });
  const kind = useWatch({ control: form.control, name: "kind" });

  async function onSubmit(values: Values) {
    const result = await addPaymentMethodAction(payload(customerId, values));
    const data = applyActionResult(form, result, "Payment method added.");
    if (!data) return;
    form.reset(EMPTY);
    setOpen(false);
  }

  const text = (name: TextName, label: string, extra: { description?: string; placeholder?: string; inputMode?: "numeric" | "tel"; list?: string } = {}) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...field} placeholder={extra.placeholder} inputMode={extra.inputMode} list={extra.list} autoComplete="off" />
          </FormControl>
          {extra.description ? <FormDescription>{extra.description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );

  const pending = form.formState.isSubmitting;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(EMPTY);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">
          <Plus />
          Add payment method
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a payment method</DialogTitle>
          <DialogDescription>Only the last 4 digits of an account are kept, never the full number.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
            <FormField
              control={form.control}
              name="kind"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Type</FormLabel>
                  <FormControl>
                    <NativeSelect {...field} autoFocus>
                      {MANUAL_PAYMENT_METHOD_KINDS.map((value) => (
                        <option key={value} value={value}>
                          {PAYMENT_METHOD_KIND_LABELS[value]}
                        </option>
                      ))}
                    </NativeSelect>
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            {kind === "bank_transfer" ? (
              <>
                {text("bankName", "Bank name", { placeholder: "Equity Bank" })}
                {text("accountLast4", "Account last 4 digits", { placeholder: "1234", inputMode: "numeric", description: "Only the last 4 digits, never the full account number." })}
              </>
            ) : null}
            {kind === "local_wallet" ? (
              <>
                {text("walletProvider", "Wallet provider", { placeholder: "M-Pesa", list: "wallet-providers" })}
                <datalist id="wallet-providers">
                  {WALLET_PROVIDERS.map((provider) => (
                    <option key={provider} value={provider} />
                  ))}
                </datalist>
                {text("walletPhone", "Wallet phone number", { placeholder: "+254 712 345678", inputMode: "tel", description: "Local numbers are read in the customer's billing country." })}
              </>
            ) : null}
            {text("label", "Label (optional)", { placeholder: kind === "check" ? "Cheques to Accounts Payable" : "Main account" })}
            <FormError message={form.formState.errors.root?.message} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? <Loader2 className="animate-spin" /> : null}
                Add method
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
