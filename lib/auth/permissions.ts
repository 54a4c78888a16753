import type { Role } from "@/db/schema";

export const ROLES = ["admin", "finance", "viewer", "customer"] as const satisfies readonly Role[];
export const STAFF_ROLES = ["admin", "finance", "viewer"] as const satisfies readonly Role[];

const STAFF_READ = [
  "dashboard.view",
  "customers.read",
  "invoices.read",
  "payments.read",
  "reports.view",
] as const;
const FINANCE_WRITE = ["customers.write", "customers.delete", "invoices.write", "payments.write", "payments.refund"] as const;
const ADMIN_ONLY = ["settings.manage", "users.manage", "tax_rates.manage", "audit.view", "outbox.view"] as const;

export type Permission =
  | (typeof STAFF_READ)[number]
  | (typeof FINANCE_WRITE)[number]
  | (typeof ADMIN_ONLY)[number]
  | "portal.view";

/** The one table that says who may do what. Checked in layouts, actions, routes and data functions. */
export const PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...STAFF_READ, ...FINANCE_WRITE, ...ADMIN_ONLY],
  finance: [...STAFF_READ, ...FINANCE_WRITE],
  viewer: [...STAFF_READ],
  customer: ["portal.view"],
};

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[role].includes(permission);
}

export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission) {
    super(`You do not have permission to do this (${permission}).`);
    this.name = "ForbiddenError";
  }
}

export function assertPermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new ForbiddenError(permission);
}

export function isStaff(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}
