import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/admin/format";
import { ReplayWebhookButton } from "@/components/admin/webhooks/replay-button";
import { WebhookStatusBadge } from "@/components/admin/webhooks/webhook-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { getWebhookEvent, prettyPayload } from "@/lib/webhooks/log";

export const dynamic = "force-dynamic";
export const metadata = { title: "Webhook event" };

export default async function WebhookEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("settings.manage");
  const { id } = await params;
  const event = await getWebhookEvent(await getDb(), id);
  if (!event) notFound();

  const fields: Array<[string, ReactNode]> = [
    ["Gateway", event.gateway],
    ["Type", <span key="type" className="font-mono text-xs">{event.type}</span>],
    ["Event id", <span key="event" className="font-mono text-xs">{event.eventId}</span>],
    ["Status", <WebhookStatusBadge key="status" status={event.status} outcome={event.outcome} />],
    ["Attempts", event.attempts],
    ["Received", formatDateTime(event.receivedAt)],
    ["Processed", formatDateTime(event.processedAt)],
  ];
  if (event.heldReason) fields.push(["Held because", <span key="held" className="text-amber-700">{event.heldReason}</span>]);
  if (event.error) fields.push(["Error", <span key="error" className="break-words text-destructive" data-testid="webhook-error">{event.error}</span>]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={event.type}
        description={`${event.gateway} event ${event.eventId}`}
        actions={
          <>
            <Link href="/admin/webhooks" className={buttonVariants({ variant: "outline" })}>
              <ArrowLeft />
              Webhook log
            </Link>
            <ReplayWebhookButton id={event.id} eventId={event.eventId} />
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Event</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
            {fields.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Payload</CardTitle>
        </CardHeader>
        <CardContent>
          <pre data-testid="webhook-payload" className="max-h-[40rem] overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs">
            {prettyPayload(event.payload)}
          </pre>
        </CardContent>
      </Card>
    </div>
  );
}
