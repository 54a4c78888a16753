import { vi } from "vitest";

/**
 * console.error captured instead of printed: the app logs each failure it survives (a refused
 * webhook, a gateway error), and a test counts those lines rather than scrolling past them.
 */
export function captureConsoleErrors() {
  const logged: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((message: unknown) => void logged.push(String(message)));
  return { logged, restore: () => spy.mockRestore() };
}
