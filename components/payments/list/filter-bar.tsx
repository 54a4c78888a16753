"use client";

import { Loader2, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { FilterField } from "@/components/admin/filter-form";
import { NativeSelect } from "@/components/admin/native-select";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MultiSelectFilter } from "@/components/ui/multi-select-filter";
import { SearchBox } from "@/components/ui/search-box";
import { useListNavigation } from "@/components/ui/use-list-navigation";
import {
  clearedPaymentsHref,
  GATEWAY_LABELS,
  hasPaymentFilters,
  PAYMENT_GATEWAYS,
  PAYMENT_LIST_METHODS,
  PAYMENT_LIST_STATUSES,
  PAYMENT_STATUS_LABELS,
  paymentsHref,
  type PaymentListFilters,
} from "@/lib/payments/list-params";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/schemas";

const AMOUNT = /^\d[\d,\s_]*(?:\.\d*)?$/;

/** An amount bound typed as text; sent when it reads as an amount (Enter or leaving the field). */
function AmountInput({ id, label, value, onChange }: { id: string; label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const [text, setText] = useState(value ?? "");
  const send = () => {
    const trimmed = text.trim();
    if (trimmed === (value ?? "")) return;
    if (trimmed === "" || AMOUNT.test(trimmed)) onChange(trimmed || undefined);
  };
  return (
    <Input
      id={id}
      aria-label={label}
      inputMode="decimal"
      placeholder={label === "Amount from" ? "Min" : "Max"}
      className="w-24"
      value={text}
      aria-invalid={text.trim() !== "" && !AMOUNT.test(text.trim())}
      onChange={(event) => setText(event.target.value)}
      onBlur={send}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          send();
        }
      }}
    />
  );
}

function statusSummary(selected: readonly PaymentListFilters["status"][number][]): string {
  if (selected.length === 0 || selected.length === PAYMENT_LIST_STATUSES.length) return "Any status";
  return selected.map((status) => PAYMENT_STATUS_LABELS[status]).join(", ");
}

/** Search and filters of the payment list; their state is the URL, so every view can be bookmarked. */
export function PaymentFilterBar({ filters, customerName }: { filters: PaymentListFilters; customerName: string | null }) {
  const { navigate, pending } = useListNavigation(filters, paymentsHref);
  return (
    <div role="search" aria-label="Filter payments" className="flex flex-wrap items-end gap-3">
      <FilterField label="Search" htmlFor="payment-search">
        <SearchBox id="payment-search" placeholder="Number, receipt, reference, customer, gateway id" value={filters.q ?? ""} onSearch={(q) => navigate({ q })} />
      </FilterField>
      <FilterField label="Status" htmlFor="payment-status">
        <MultiSelectFilter
          id="payment-status"
          label="Status"
          options={PAYMENT_LIST_STATUSES}
          labels={PAYMENT_STATUS_LABELS}
          selected={filters.status}
          onChange={(status) => navigate({ status })}
          summary={statusSummary(filters.status)}
          heading="Show payments that are"
          clearLabel="Any status"
        />
      </FilterField>
      <FilterField label="Gateway" htmlFor="payment-gateway">
        <NativeSelect id="payment-gateway" className="w-32" value={filters.gateway ?? ""} onChange={(event) => navigate({ gateway: PAYMENT_GATEWAYS.find((gateway) => gateway === event.target.value) })}>
          <option value="">Any gateway</option>
          {PAYMENT_GATEWAYS.map((gateway) => (
            <option key={gateway} value={gateway}>
              {GATEWAY_LABELS[gateway]}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField label="Method" htmlFor="payment-method">
        <NativeSelect id="payment-method" className="w-40" value={filters.method ?? ""} onChange={(event) => navigate({ method: PAYMENT_LIST_METHODS.find((method) => method === event.target.value) })}>
          <option value="">Any method</option>
          {PAYMENT_LIST_METHODS.map((method) => (
            <option key={method} value={method}>
              {PAYMENT_METHOD_LABELS[method]}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField label="Received" htmlFor="payment-from">
        <div className="flex items-center gap-1">
          <Input id="payment-from" type="date" aria-label="Received from" className="w-36" value={filters.from ?? ""} max={filters.to} onChange={(event) => navigate({ from: event.target.value || undefined })} />
          <span className="text-muted-foreground">–</span>
          <Input id="payment-to" type="date" aria-label="Received to" className="w-36" value={filters.to ?? ""} min={filters.from} onChange={(event) => navigate({ to: event.target.value || undefined })} />
        </div>
      </FilterField>
      <FilterField label="Amount" htmlFor="payment-min">
        <div className="flex items-center gap-1">
          <AmountInput key={`min-${filters.min ?? ""}`} id="payment-min" label="Amount from" value={filters.min} onChange={(min) => navigate({ min })} />
          <span className="text-muted-foreground">–</span>
          <AmountInput key={`max-${filters.max ?? ""}`} id="payment-max" label="Amount to" value={filters.max} onChange={(max) => navigate({ max })} />
        </div>
      </FilterField>
      {filters.customerId ? (
        <FilterField label="Customer" htmlFor="payment-customer">
          <Button id="payment-customer" variant="secondary" className="max-w-56" onClick={() => navigate({ customerId: undefined })} aria-label={`Customer: ${customerName ?? "unknown"}. Remove this filter`} data-testid="customer-filter">
            <span className="truncate">{customerName ?? "Unknown customer"}</span>
            <X />
          </Button>
        </FilterField>
      ) : null}
      {hasPaymentFilters(filters) ? (
        <Link href={clearedPaymentsHref(filters)} className={buttonVariants({ variant: "ghost" })}>
          Clear filters
        </Link>
      ) : null}
      {pending ? <Loader2 aria-label="Loading" className="mb-2.5 size-4 animate-spin text-muted-foreground" /> : null}
    </div>
  );
}
