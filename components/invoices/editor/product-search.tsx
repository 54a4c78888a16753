"use client";

import { PackageSearch } from "lucide-react";
import { useState } from "react";
import { searchInvoiceProductsAction } from "@/app/(staff)/invoices/editor-actions";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatMoney } from "@/lib/money";
import type { ProductPickerItem } from "@/lib/products/queries";
import { Typeahead } from "./typeahead";

async function searchProducts(q: string): Promise<ProductPickerItem[]> {
  const result = await searchInvoiceProductsAction({ q });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/** A line's "pick from the catalog": a button opening a type-ahead over active products. */
export function ProductSearch({ lineLabel, onPick }: { lineLabel: string; onPick: (product: ProductPickerItem) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button type="button" variant="ghost" size="icon-sm" aria-label={`${lineLabel}: pick a product`} title="Pick a product">
          <PackageSearch />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-80 p-2">
        <Typeahead
          label={`${lineLabel} product search`}
          placeholder="Product name or SKU"
          autoFocus
          search={searchProducts}
          getKey={(product) => product.id}
          emptyText="No active product matches."
          renderItem={(product) => (
            <span className="flex items-baseline justify-between gap-3">
              <span className="min-w-0">
                <span className="block truncate font-medium">{product.name}</span>
                {product.sku ? <span className="block text-xs text-muted-foreground">{product.sku}</span> : null}
              </span>
              <span className="shrink-0 text-xs tabular-nums">
                {formatMoney(product.unitPrice, product.currency)}
                {product.unit ? ` / ${product.unit}` : ""}
              </span>
            </span>
          )}
          onPick={(product) => {
            setOpen(false);
            onPick(product);
          }}
        />
      </PopoverContent>
    </Popover>
  );
}
