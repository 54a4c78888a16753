import { ClipboardList } from "lucide-react";
import { FilterForm, FilterInput, FilterSelect } from "@/components/admin/filter-form";
import { formatDateTime } from "@/components/admin/format";
import { ListCard } from "@/components/admin/list-card";
import { flattenSearchParams, type RawSearchParams } from "@/components/admin/search-params";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { listAuditEntries, listAuditFilterOptions, type AuditEntry } from "@/lib/audit-log/queries";
import { auditQuerySchema } from "@/lib/audit-log/schemas";
import { requirePermission } from "@/lib/auth/session";
import { listUserOptions } from "@/lib/users/queries";
import { AuditDetailDialog } from "./audit-detail-dialog";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

const PATH = "/admin/audit";

const pretty = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value, null, 2));

function actorText(entry: AuditEntry): string {
  return entry.actorName ?? entry.actorLabel ?? "—";
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("audit.view");
  const query = auditQuerySchema.parse(flattenSearchParams(await searchParams));
  const db = await getDb();
  const [list, options, people] = await Promise.all([listAuditEntries(db, query), listAuditFilterOptions(db), listUserOptions(db)]);
  const { page: _page, ...filters } = query;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description="Every change to users, settings and money: who, what, when and from where. Times are UTC." />

      <FilterForm action={PATH}>
        <FilterSelect
          label="User"
          name="actorId"
          value={query.actorId}
          allLabel="Anyone"
          options={people.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))}
        />
        <FilterInput label="Actor contains" name="actor" type="search" placeholder="Email or label" value={query.actor} />
        <FilterSelect label="Entity" name="entityType" value={query.entityType} allLabel="All entities" options={options.entityTypes} />
        <FilterSelect label="Action" name="action" value={query.action} allLabel="All actions" options={options.actions} />
        <FilterInput label="From" name="from" type="date" value={query.from} className="grid w-40 gap-1.5" />
        <FilterInput label="To" name="to" type="date" value={query.to} className="grid w-40 gap-1.5" />
      </FilterForm>

      <ListCard
        list={list}
        path={PATH}
        filters={filters}
        noun={["entry", "entries"]}
        empty={
          <EmptyState
            icon={<ClipboardList />}
            title={filtered ? "No entries match these filters" : "Nothing recorded yet"}
            description={filtered ? "Widen the dates or clear the filters." : "Changes appear here as people use CleanPay."}
          />
        }
        columns={
          <>
            <TableHead>When</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Entity</TableHead>
            <TableHead>From</TableHead>
            <TableHead className="w-24">
              <span className="sr-only">Details</span>
            </TableHead>
          </>
        }
        row={(entry) => (
          <TableRow key={entry.id} data-testid="audit-row" data-action={entry.action}>
            <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(entry.createdAt)}</TableCell>
            <TableCell>{actorText(entry)}</TableCell>
            <TableCell className="font-mono text-xs">{entry.action}</TableCell>
            <TableCell>
              <span className="font-mono text-xs">{entry.entityType}</span>
              {entry.entityId ? <span className="ml-2 font-mono text-xs text-muted-foreground">{entry.entityId}</span> : null}
            </TableCell>
            <TableCell className="text-muted-foreground">{entry.ip ?? "—"}</TableCell>
            <TableCell className="text-right">
              <AuditDetailDialog
                title={entry.action}
                description={`${actorText(entry)} · ${formatDateTime(entry.createdAt)}${entry.userAgent ? ` · ${entry.userAgent}` : ""}`}
                before={pretty(entry.before)}
                after={pretty(entry.after)}
              />
            </TableCell>
          </TableRow>
        )}
      />
    </div>
  );
}
