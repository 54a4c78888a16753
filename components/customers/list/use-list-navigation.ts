"use client";

import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import { customersHref, type CustomerListFilters } from "@/lib/customers/list-params";

/**
 * Moves the list to new filters by replacing the URL (no history entry per keystroke). Any change
 * of filters starts again at page 1.
 */
export function useListNavigation(filters: CustomerListFilters) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback(
    (changes: Partial<CustomerListFilters>) => {
      startTransition(() => router.replace(customersHref({ ...filters, ...changes, page: 1 }), { scroll: false }));
    },
    [filters, router],
  );
  return { navigate, pending };
}
