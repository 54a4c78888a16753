import { describe, expect, it } from "vitest";
import { assertPermission, can, ForbiddenError, PERMISSIONS } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("gives admins everything staff can do plus administration", () => {
    for (const permission of [...PERMISSIONS.finance, ...PERMISSIONS.viewer]) expect(can("admin", permission)).toBe(true);
    for (const permission of ["settings.manage", "users.manage", "audit.view", "outbox.view", "tax_rates.manage"] as const) {
      expect(can("admin", permission)).toBe(true);
      expect(can("finance", permission)).toBe(false);
      expect(can("viewer", permission)).toBe(false);
      expect(can("customer", permission)).toBe(false);
    }
  });

  it("lets viewers read but never write", () => {
    expect(PERMISSIONS.viewer.every((permission) => permission.endsWith(".read") || permission.endsWith(".view"))).toBe(true);
    expect(() => assertPermission("viewer", "invoices.write")).toThrow(ForbiddenError);
  });

  it("keeps customers out of the staff console", () => {
    expect(PERMISSIONS.customer).toEqual(["portal.view"]);
    expect(can("customer", "dashboard.view")).toBe(false);
  });
});
