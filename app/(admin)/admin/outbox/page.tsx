import { Mail, Paperclip } from "lucide-react";
import Link from "next/link";
import { EmailStatusBadge } from "@/components/admin/email-status-badge";
import { FilterForm, FilterInput, FilterSelect } from "@/components/admin/filter-form";
import { formatDateTime } from "@/components/admin/format";
import { ListCard } from "@/components/admin/list-card";
import { flattenSearchParams, type RawSearchParams } from "@/components/admin/search-params";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { EMAIL_STATUSES, listEmailMessages, outboxQuerySchema } from "@/lib/email/outbox";

export const dynamic = "force-dynamic";
export const metadata = { title: "Email outbox" };

const PATH = "/admin/outbox";

export default async function OutboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("outbox.view");
  const query = outboxQuerySchema.parse(flattenSearchParams(await searchParams));
  const list = await listEmailMessages(await getDb(), query);
  const filters = { status: query.status, q: query.q };
  const filtered = Boolean(query.status || query.q);

  return (
    <div className="space-y-6">
      <PageHeader title="Email outbox" description="Every email CleanPay has sent or tried to send, newest first." />

      <FilterForm action={PATH}>
        <FilterInput label="Search" name="q" type="search" placeholder="Recipient or subject" value={query.q} className="grid w-64 gap-1.5" />
        <FilterSelect label="Status" name="status" value={query.status} allLabel="All statuses" options={EMAIL_STATUSES} />
      </FilterForm>

      <ListCard
        list={list}
        path={PATH}
        filters={filters}
        noun={["email", "emails"]}
        empty={
          <EmptyState
            icon={<Mail />}
            title={filtered ? "No emails match these filters" : "No emails yet"}
            description={filtered ? "Try another search, or clear the filters." : "Invitations, password resets and invoices appear here when they are sent."}
          />
        }
        columns={
          <>
            <TableHead>Subject</TableHead>
            <TableHead>To</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Transport</TableHead>
            <TableHead>Template</TableHead>
            <TableHead>Created</TableHead>
          </>
        }
        row={(message) => (
          <TableRow key={message.id} data-testid="outbox-row">
            <TableCell className="max-w-80 truncate font-medium">
              <Link href={`${PATH}/${message.id}`} className="hover:underline" data-testid="outbox-subject">
                {message.subject}
              </Link>
              {message.attachmentCount ? (
                <Paperclip className="ml-1.5 inline size-3.5 text-muted-foreground" aria-label={`${message.attachmentCount} attachment(s)`} data-testid="outbox-attachment" />
              ) : null}
            </TableCell>
            <TableCell className="max-w-64 truncate">{message.toAddresses.join(", ")}</TableCell>
            <TableCell>
              <EmailStatusBadge status={message.status} />
            </TableCell>
            <TableCell className="text-muted-foreground">{message.transport}</TableCell>
            <TableCell className="font-mono text-xs text-muted-foreground">{message.template}</TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(message.createdAt)}</TableCell>
          </TableRow>
        )}
      />
    </div>
  );
}
