"use client";

import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";

/**
 * Moves a list to new filters by replacing the URL (no history entry per keystroke). Any change
 * of filters starts again at page 1. `hrefOf` builds the list's URL from its filters.
 */
export function useListNavigation<F extends { page: number }>(filters: F, hrefOf: (filters: F) => string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback(
    (changes: Partial<F>) => {
      startTransition(() => router.replace(hrefOf({ ...filters, ...changes, page: 1 }), { scroll: false }));
    },
    [filters, hrefOf, router],
  );
  return { navigate, pending };
}
