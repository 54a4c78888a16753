import { Badge } from "@/components/ui/badge";
import type { Role } from "@/db/schema";
import { ROLE_LABELS, type UserStatus } from "@/lib/users/schemas";

const ROLE_VARIANT = { admin: "default", finance: "secondary", viewer: "outline", customer: "outline" } as const;
const STATUS = {
  active: { label: "Active", variant: "success" },
  invited: { label: "Invited", variant: "secondary" },
  deactivated: { label: "Deactivated", variant: "outline" },
  locked: { label: "Locked", variant: "warning" },
} as const;

export function RoleBadge({ role }: { role: Role }) {
  return <Badge variant={ROLE_VARIANT[role]}>{ROLE_LABELS[role]}</Badge>;
}

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { label, variant } = STATUS[status];
  return (
    <Badge variant={variant} data-status={status}>
      {label}
    </Badge>
  );
}
