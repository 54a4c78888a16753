import type { LoginFailure } from "@/lib/auth/login";

const FAILURES: readonly LoginFailure[] = ["invalid", "locked", "totp_required", "totp_invalid"];

/** The reason Auth.js carried as `CredentialsSignin.code`; anything unexpected reads as "invalid". */
export function toLoginFailure(code: string | undefined): LoginFailure {
  return FAILURES.find((reason) => reason === code) ?? "invalid";
}

/**
 * A `callbackUrl` we may send the user to after sign-in: a path on this site only. "//evil.com" and
 * "/\evil.com" are protocol-relative to browsers, so they are refused like absolute URLs.
 */
export function safeCallbackUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  // control characters and backslashes have no place in our own paths
  if ([...value].some((c) => c.charCodeAt(0) < 32 || c === "\\")) return null;
  // sign-in pages would only bounce back here
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/login/")) return null;
  return value;
}
