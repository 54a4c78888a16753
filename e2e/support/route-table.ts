// The static pages of the staff and admin areas and the heading each one shows. No Playwright
// import: the route matrix (e2e) reads it, and a vitest test checks that every static page.tsx
// under app/(staff) and app/(admin) is listed, so a new page cannot miss the matrix.

/** Every staff role sees these. */
export const STAFF_PAGES: Readonly<Record<string, string>> = {
  "/dashboard": "Welcome",
  "/customers": "Customers",
  "/customers/stats": "Customer statistics",
  "/invoices": "Invoices",
  "/products": "Products",
  "/payments": "Payments",
  "/payments/approvals": "Payments to approve",
  "/disputes": "Disputes",
  "/reports": "Reports",
  "/reports/aging": "Accounts receivable aging",
  "/reports/statement": "statement",
  "/account": "Your account",
  "/account/security": "Your account",
};

/** Finance and admin write customers and invoices; a viewer gets a 404 for these. */
export const WRITER_PAGES: Readonly<Record<string, string>> = {
  "/customers/new": "New customer",
  "/customers/import": "Import customers",
  "/invoices/new": "New invoice",
};

/** Admins only; finance and viewers get a 404. */
export const ADMIN_PAGES: Readonly<Record<string, string>> = {
  "/admin/users": "Users",
  "/admin/settings": "Company settings",
  "/admin/tax-rates": "Tax rates",
  "/admin/templates": "Invoice templates",
  "/admin/audit": "Audit log",
  "/admin/outbox": "Email outbox",
  "/admin/payment-methods": "Payment methods",
  "/admin/webhooks": "Webhook log",
};

/** The admin area's front door: it only redirects, to this page. */
export const ADMIN_HOME = { path: "/admin", redirect: "/admin/users" } as const;

/** Every page the matrix visits, in its order: the entry points, then each area. */
export function matrixRoutes(): string[] {
  return ["/", ...Object.keys(STAFF_PAGES), ...Object.keys(WRITER_PAGES), ADMIN_HOME.path, ...Object.keys(ADMIN_PAGES), "/portal", "/login"];
}
