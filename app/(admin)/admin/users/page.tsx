import { Users } from "lucide-react";
import { FilterForm, FilterInput, FilterSelect } from "@/components/admin/filter-form";
import { formatDateTime } from "@/components/admin/format";
import { ListCard } from "@/components/admin/list-card";
import { flattenSearchParams, type RawSearchParams } from "@/components/admin/search-params";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/users/queries";
import { ROLE_LABELS, USER_STATUSES, userListQuerySchema } from "@/lib/users/schemas";
import { InviteUserDialog } from "./invite-user-dialog";
import { RoleBadge, UserStatusBadge } from "./user-badges";
import { UserRowActions } from "./user-row-actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

const PATH = "/admin/users";
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const STATUS_OPTIONS = USER_STATUSES.map((status) => ({ value: status, label: `${status[0]?.toUpperCase()}${status.slice(1)}` }));

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePermission("users.manage");
  const query = userListQuerySchema.parse(flattenSearchParams(await searchParams));
  const list = await listUsers(await getDb(), query);
  const filters = { q: query.q, role: query.role, status: query.status };
  const filtered = Boolean(query.q || query.role || query.status);

  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Staff and customer accounts: invite people, change roles, deactivate." actions={<InviteUserDialog />} />

      <FilterForm action={PATH}>
        <FilterInput label="Search" name="q" type="search" placeholder="Name or email" value={query.q} className="grid w-64 gap-1.5" />
        <FilterSelect label="Role" name="role" value={query.role} allLabel="All roles" options={ROLE_OPTIONS} />
        <FilterSelect label="Status" name="status" value={query.status} allLabel="All statuses" options={STATUS_OPTIONS} />
      </FilterForm>

      <ListCard
        list={list}
        path={PATH}
        filters={filters}
        noun={["user", "users"]}
        empty={
          <EmptyState
            icon={<Users />}
            title={filtered ? "No users match these filters" : "No users yet"}
            description={filtered ? "Try another search, or clear the filters." : "Invite the first member of your team."}
          />
        }
        columns={
          <>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>2FA</TableHead>
            <TableHead>Last sign-in</TableHead>
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          </>
        }
        row={(user) => (
          <TableRow key={user.id} data-testid="user-row" data-email={user.email}>
            <TableCell className="font-medium">
              {user.name}
              {user.id === me.id ? <span className="ml-2 text-xs text-muted-foreground">(you)</span> : null}
            </TableCell>
            <TableCell>{user.email}</TableCell>
            <TableCell>
              <RoleBadge role={user.role} />
            </TableCell>
            <TableCell>
              <UserStatusBadge status={user.status} />
            </TableCell>
            <TableCell className={user.totpEnabled ? "" : "text-muted-foreground"}>{user.totpEnabled ? "On" : "Off"}</TableCell>
            <TableCell className="text-muted-foreground">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Never"}</TableCell>
            <TableCell>
              <UserRowActions user={{ id: user.id, name: user.name, email: user.email, role: user.role, status: user.status }} isSelf={user.id === me.id} />
            </TableCell>
          </TableRow>
        )}
      />
    </div>
  );
}
