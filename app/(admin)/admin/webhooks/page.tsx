import { Webhook } from "lucide-react";
import Link from "next/link";
import { FilterForm, FilterSelect } from "@/components/admin/filter-form";
import { formatDateTime } from "@/components/admin/format";
import { ListCard } from "@/components/admin/list-card";
import { flattenSearchParams, type RawSearchParams } from "@/components/admin/search-params";
import { WebhookStatusBadge } from "@/components/admin/webhooks/webhook-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { listWebhookEvents, WEBHOOK_GATEWAYS, WEBHOOK_STATUSES, webhookLogQuerySchema } from "@/lib/webhooks/log";

export const dynamic = "force-dynamic";
export const metadata = { title: "Webhook log" };

const PATH = "/admin/webhooks";

export default async function WebhookLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("settings.manage");
  const query = webhookLogQuerySchema.parse(flattenSearchParams(await searchParams));
  const list = await listWebhookEvents(await getDb(), query);
  const filters = { gateway: query.gateway, status: query.status };
  const filtered = Boolean(query.gateway || query.status);

  return (
    <div className="space-y-6">
      <PageHeader title="Webhook log" description="Every event the payment gateways and the email provider sent, newest first. Open one to see its payload or replay it." />

      <FilterForm action={PATH}>
        <FilterSelect label="Gateway" name="gateway" value={query.gateway} allLabel="All gateways" options={WEBHOOK_GATEWAYS} />
        <FilterSelect label="Status" name="status" value={query.status} allLabel="All statuses" options={WEBHOOK_STATUSES} />
      </FilterForm>

      <ListCard
        list={list}
        path={PATH}
        filters={filters}
        noun={["event", "events"]}
        empty={
          <EmptyState
            icon={<Webhook />}
            title={filtered ? "No events match these filters" : "No webhook events yet"}
            description={filtered ? "Try another gateway or status, or clear the filters." : "Events appear here as soon as a gateway delivers one."}
          />
        }
        columns={
          <>
            <TableHead>Type</TableHead>
            <TableHead>Gateway</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Event id</TableHead>
            <TableHead className="text-right">Attempts</TableHead>
            <TableHead>Received</TableHead>
            <TableHead>Processed</TableHead>
            <TableHead>Error</TableHead>
          </>
        }
        row={(event) => (
          <TableRow key={event.id} data-testid="webhook-row">
            <TableCell className="font-mono text-xs">
              <Link href={`${PATH}/${event.id}`} className="hover:underline" data-testid="webhook-type">
                {event.type}
              </Link>
            </TableCell>
            <TableCell>{event.gateway}</TableCell>
            <TableCell>
              <WebhookStatusBadge status={event.status} outcome={event.outcome} />
            </TableCell>
            <TableCell className="max-w-48 truncate font-mono text-xs text-muted-foreground">{event.eventId}</TableCell>
            <TableCell className="text-right tabular-nums">{event.attempts}</TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(event.receivedAt)}</TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(event.processedAt)}</TableCell>
            <TableCell className="max-w-64 truncate text-destructive" title={event.error ?? event.heldReason ?? undefined}>
              {event.error ?? (event.heldReason ? <span className="text-amber-700">{event.heldReason}</span> : null)}
            </TableCell>
          </TableRow>
        )}
      />
    </div>
  );
}
