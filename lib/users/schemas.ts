import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const USER_STATUSES = ["active", "invited", "deactivated", "locked"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  admin: "Admin",
  finance: "Finance",
  viewer: "Viewer",
  customer: "Customer",
};

const roleSchema = z.enum(ROLES, { error: "Choose a role." });

export const inviteUserSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Use at most 120 characters."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address.").max(254, "Use at most 254 characters.")),
  role: roleSchema,
});
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

export const userIdSchema = z.object({ userId: z.uuid("Unknown user.") });

export const changeRoleSchema = z.object({ userId: z.uuid("Unknown user."), role: roleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

// URL search params of the list: anything malformed falls back to "no filter" instead of an error page.
export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: roleSchema.optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
