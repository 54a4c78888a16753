import type { Role } from "@/db/schema";
import type { Access } from "@/lib/actions";
import { can, ROLES, type Permission } from "@/lib/auth/permissions";

// Who may reach what, declared once. The inventory test compares it with what the code says: a new
// action, route or page that is not declared here fails the suite until someone decides its gate.

export const AUDIENCES = ["anonymous", ...ROLES] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Actions anyone may call; each checks its own authority (credentials, a reset link, an invoice link). */
export const PUBLIC_ACTIONS: readonly string[] = [
  "app/(auth)/forgot-password/actions.ts#forgotPasswordAction",
  "app/(auth)/login/actions.ts#loginAction",
  "app/(auth)/reset-password/[token]/actions.ts#resetPasswordAction",
  "app/i/[token]/actions.ts#submitManualPaymentAction",
];

/** Actions on the caller's own account, open to every signed-in user; the handler refuses customers. */
export const SIGNED_IN_ACTIONS: readonly string[] = [
  "app/(staff)/account/actions.ts#updateProfileAction",
  "app/(staff)/account/security/actions.ts#changePasswordAction",
  "app/(staff)/account/security/actions.ts#startTwoFactorAction",
  "app/(staff)/account/security/actions.ts#confirmTwoFactorAction",
  "app/(staff)/account/security/actions.ts#disableTwoFactorAction",
  "app/(staff)/account/security/actions.ts#regenerateRecoveryCodesAction",
];

/**
 * Actions not built by lib/actions.ts, with the access they give and why that is safe. Keep it
 * empty but for this one: signing out must stay a plain form action (it redirects and returns
 * nothing), and it only ever acts on the caller's own session.
 */
export const UNWRAPPED_ACTIONS: Readonly<Record<string, { access: Access; why: string }>> = {
  "app/(auth)/actions.ts#signOutAction": { access: { kind: "public" }, why: "ends the caller's own session; audits it when there is one" },
};

/**
 * The permission every other action needs, by the file it lives in. A gate changed in the code
 * (invoices.write → invoices.read) fails the inventory until it is changed here too, on purpose.
 */
export const FILE_PERMISSIONS: Readonly<Record<string, Permission>> = {
  "app/(admin)/admin/payment-methods/actions.ts": "settings.manage",
  "app/(admin)/admin/settings/actions.ts": "settings.manage",
  "app/(admin)/admin/tax-rates/actions.ts": "tax_rates.manage",
  "app/(admin)/admin/templates/actions.ts": "settings.manage",
  "app/(admin)/admin/users/actions.ts": "users.manage",
  "app/(admin)/admin/webhooks/actions.ts": "settings.manage",
  "app/(staff)/customers/[id]/actions.ts": "customers.write",
  "app/(staff)/customers/[id]/edit/actions.ts": "customers.write",
  "app/(staff)/customers/[id]/note-actions.ts": "customers.write",
  "app/(staff)/customers/[id]/payment-method-actions.ts": "customers.write",
  "app/(staff)/customers/[id]/saved-card-actions.ts": "payments.write",
  "app/(staff)/customers/import/actions.ts": "customers.write",
  "app/(staff)/customers/list-actions.ts": "customers.delete",
  "app/(staff)/customers/new/actions.ts": "customers.write",
  // a saved view belongs to the user who saves it: reading customers is enough
  "app/(staff)/customers/views-actions.ts": "customers.read",
  "app/(staff)/disputes/[id]/actions.ts": "payments.write",
  "app/(staff)/invoices/[id]/actions.ts": "invoices.write",
  "app/(staff)/invoices/[id]/credit-note-actions.ts": "invoices.write",
  "app/(staff)/invoices/[id]/payment-actions.ts": "payments.write",
  "app/(staff)/invoices/[id]/send-actions.ts": "invoices.write",
  "app/(staff)/invoices/bulk-actions.ts": "invoices.write",
  "app/(staff)/invoices/editor-actions.ts": "invoices.write",
  "app/(staff)/payments/[id]/actions.ts": "payments.refund",
  "app/(staff)/payments/approvals/actions.ts": "payments.write",
  "app/(staff)/products/actions.ts": "invoices.write",
  "app/(staff)/reports/actions.ts": "reports.view",
};

/** Actions whose permission differs from their file's. */
export const PERMISSION_EXCEPTIONS: Readonly<Record<string, Permission>> = {
  "app/(staff)/customers/[id]/actions.ts#deleteCustomerAction": "customers.delete",
};

/** Actions that may write on a refusal, and where: the refusal itself is what they record. */
export const WRITES_ON_REFUSAL: Readonly<Record<string, readonly string[]>> = {
  // a failed sign-in is audited and counts towards the lockout
  "app/(auth)/login/actions.ts#loginAction": ["audit_log", "users"],
};

export function accessAllows(access: Access, audience: Audience): boolean {
  if (access.kind === "public") return true;
  if (audience === "anonymous") return false;
  return access.kind === "signed-in" || can(audience, access.permission);
}

/**
 * Route handlers. "token": an invoice's public link token in the request is the authority;
 * "webhook": the provider's signature over the raw body; "public": nothing to protect.
 */
export type RouteAccess =
  | { kind: "public"; why: string }
  | { kind: "webhook" }
  | { kind: "token" }
  | { kind: "signed-in" }
  | { kind: "permission"; permission: Permission; orToken?: boolean };

export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  "/api/auth/[...nextauth]": { kind: "public", why: "Auth.js's own sign-in endpoints" },
  "/api/company-logo": { kind: "signed-in" },
  "/api/credit-notes/[id]/pdf": { kind: "permission", permission: "invoices.read" },
  "/api/customers": { kind: "permission", permission: "customers.read" },
  "/api/customers/export": { kind: "permission", permission: "customers.write" },
  "/api/health": { kind: "public", why: "liveness for load balancers" },
  "/api/invoices": { kind: "permission", permission: "invoices.read" },
  "/api/invoices/[id]/pdf": { kind: "permission", permission: "invoices.read", orToken: true },
  "/api/invoices/export": { kind: "permission", permission: "invoices.read" },
  "/api/invoices/zip": { kind: "permission", permission: "invoices.read" },
  "/api/pay/paypal/orders": { kind: "token" },
  "/api/pay/paypal/orders/[orderId]/capture": { kind: "token" },
  "/api/pay/stripe/card-saved": { kind: "public", why: "a static thank-you page" },
  "/api/pay/stripe/card-setup-cancelled": { kind: "public", why: "a static page" },
  "/api/pay/stripe/checkout": { kind: "token" },
  "/api/payments/[id]/receipt": { kind: "permission", permission: "payments.read" },
  "/api/reports/[report]/export": { kind: "permission", permission: "reports.view" },
  "/api/reports/statement/pdf": { kind: "permission", permission: "reports.view" },
  "/api/webhooks/paypal": { kind: "webhook" },
  "/api/webhooks/resend": { kind: "webhook" },
  "/api/webhooks/stripe": { kind: "webhook" },
};

/** Whether the audience's role alone opens the route (tokens and signatures are checked separately). */
export function routeRoleAllows(access: RouteAccess, audience: Audience): boolean {
  if (access.kind === "permission") return audience !== "anonymous" && can(audience, access.permission);
  if (access.kind === "signed-in") return audience !== "anonymous";
  return true;
}

/** Pages anyone may open. */
export const PUBLIC_PAGES: readonly string[] = [
  "/", // redirects to the visitor's home or /login
  "/login",
  "/forgot-password",
  "/reset-password/[token]",
  "/i/[token]",
  "/i/[token]/paid",
  "/i/[token]/cancelled",
];

/** Layouts that gate a route group, and the roles they let in. */
export const GUARDED_LAYOUTS: Readonly<Record<string, readonly Role[]>> = {
  "app/(staff)/layout.tsx": ["admin", "finance", "viewer"],
  "app/(admin)/layout.tsx": ["admin"],
  "app/(portal)/layout.tsx": ["customer"],
};
