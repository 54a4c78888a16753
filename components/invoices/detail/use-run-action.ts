"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions";

/**
 * Runs a one-click server action: a toast either way, then a refresh so the server-rendered page
 * shows the new status and figures (or `onDone` navigates elsewhere).
 */
export function useRunAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function run<T>(action: () => Promise<ActionResult<T>>, success: (data: T) => string, onDone?: (data: T) => void) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(success(result.data));
      if (onDone) onDone(result.data);
      else router.refresh();
    });
  }

  return { run, pending };
}
