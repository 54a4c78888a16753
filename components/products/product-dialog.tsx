"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { NO_TAX_RATE, productInputSchema, UNIT_PRESETS, type ProductFormValues } from "@/lib/products/schemas";
import { createProductAction, updateProductAction } from "@/app/(staff)/products/actions";

/** What the dialog offers; loaded once by the page. */
export interface ProductFormOptions {
  defaultCurrency: string;
  currencies: string[];
  taxRates: { id: string; label: string; active: boolean }[];
}

/** A stored product as the form edits it: text as typed, plus the version the edit starts from. */
export interface EditableProduct {
  id: string;
  version: number;
  values: ProductFormValues;
}

interface Props {
  options: ProductFormOptions;
  /** the product to edit; a new one when absent */
  product?: EditableProduct;
  /** an element that opens the dialog, or control it with open/onOpenChange */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

const UNIT_LIST_ID = "product-unit-presets";

function blankValues(currency: string): ProductFormValues {
  return { name: "", sku: "", description: "", unit: "", unitPrice: "", currency, defaultTaxRateId: NO_TAX_RATE };
}

export function ProductDialog({ options, product, trigger, open: controlledOpen, onOpenChange }: Props) {
  const router = useRouter();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const initial = product?.values ?? blankValues(options.defaultCurrency);
  const form = useForm<ProductFormValues>({
    resolver: zodResolver(productInputSchema, undefined, { raw: true }),
    defaultValues: initial,
  });

  function setOpen(next: boolean) {
    if (next) form.reset(initial);
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  }

  async function onSubmit() {
    const values = form.getValues();
    const result = product ? await updateProductAction({ ...values, id: product.id, version: product.version }) : await createProductAction(values);
    if (result.ok && result.data.status === "conflict") {
      // someone saved first: show why, and fetch their version so reopening edits it
      form.setError("root", { type: "server", message: result.data.message });
      toast.error(result.data.message);
      router.refresh();
      return;
    }
    const saved = applyActionResult(form, result, product ? "Product saved." : "Product created.");
    if (saved) setOpen(false);
  }

  const currencies = [...new Set([...options.currencies, initial.currency])].sort();
  const taxRates = options.taxRates.filter((rate) => rate.active || rate.id === initial.defaultTaxRateId);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{product ? `Edit ${product.values.name}` : "New product"}</DialogTitle>
          <DialogDescription>
            {product ? "Invoices already issued keep the figures they were issued with." : "Offered in the invoice editor once saved."}
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" data-testid="product-form">
            <FormError message={form.formState.errors.root?.message} />
            <TextField control={form.control} name="name" label="Name" autoFocus maxLength={200} placeholder="Consulting" />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField control={form.control} name="sku" label="SKU" maxLength={64} placeholder="Optional" autoComplete="off" />
              <TextField control={form.control} name="unit" label="Unit" maxLength={20} list={UNIT_LIST_ID} placeholder="hour, piece, kg…" autoComplete="off" />
            </div>
            <datalist id={UNIT_LIST_ID}>
              {UNIT_PRESETS.map((unit) => (
                <option key={unit} value={unit} />
              ))}
            </datalist>
            <FormField
              control={form.control}
              name="description"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Description</FormLabel>
                  <FormControl>
                    <Textarea {...field} rows={3} maxLength={2000} placeholder="Shown on the invoice line" />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField control={form.control} name="unitPrice" label="Unit price" inputMode="decimal" placeholder="1,234.50" autoComplete="off" />
              <SelectField control={form.control} name="currency" label="Currency" options={currencies.map((code) => ({ value: code, label: code }))} />
            </div>
            <SelectField
              control={form.control}
              name="defaultTaxRateId"
              label="Default tax rate"
              options={[{ value: NO_TAX_RATE, label: "No default tax" }, ...taxRates.map((rate) => ({ value: rate.id, label: rate.active ? rate.label : `${rate.label} (inactive)` }))]}
            />
            <DialogFooter>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : product ? "Save" : "Create product"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
