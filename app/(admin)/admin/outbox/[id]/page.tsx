import { ArrowLeft, Paperclip } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { EmailStatusBadge } from "@/components/admin/email-status-badge";
import { formatDateTime } from "@/components/admin/format";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { extractLinks, formatByteSize, getEmailMessage } from "@/lib/email/outbox";

export const dynamic = "force-dynamic";
export const metadata = { title: "Email" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("outbox.view");
  const { id } = await params;
  const message = await getEmailMessage(await getDb(), id);
  if (!message) notFound();
  const links = extractLinks(message.html);

  const headers: Array<[string, ReactNode]> = [
    ["From", message.fromAddress],
    ["To", message.toAddresses.join(", ")],
  ];
  if (message.ccAddresses.length) headers.push(["Cc", message.ccAddresses.join(", ")]);
  headers.push(
    ["Subject", message.subject],
    ["Status", <EmailStatusBadge key="status" status={message.status} />],
    ["Transport", message.transport],
    ["Template", <span key="template" className="font-mono text-xs">{message.template}</span>],
    ["Created", formatDateTime(message.createdAt)],
    ["Sent", formatDateTime(message.sentAt)],
  );
  if (message.providerMessageId) headers.push(["Provider id", message.providerMessageId]);
  if (message.entityType) headers.push(["About", `${message.entityType} ${message.entityId ?? ""}`.trim()]);
  if (message.error) headers.push(["Error", <span key="error" className="text-destructive">{message.error}</span>]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={message.subject}
        description={`To ${message.toAddresses.join(", ")}`}
        actions={
          <Link href="/admin/outbox" className={buttonVariants({ variant: "outline" })}>
            <ArrowLeft />
            Outbox
          </Link>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Headers</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
            {headers.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>

      {message.attachments.length ? (
        <Card>
          <CardHeader>
            <CardTitle>Attachments</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-1 text-sm">
              {message.attachments.map((file) => (
                <li key={file.filename} data-testid="email-attachment" className="flex items-center gap-2">
                  <Paperclip className="size-4 text-muted-foreground" />
                  <span className="font-medium">{file.filename}</span>
                  <span className="text-muted-foreground">
                    {file.contentType}, {formatByteSize(file.size)}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}

      {links.length ? (
        <Card>
          <CardHeader>
            <CardTitle>Links in this email</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-1 text-sm">
              {links.map((href) => (
                <li key={href}>
                  <a href={href} data-testid="email-link" className="break-all text-primary hover:underline" rel="noreferrer">
                    {href}
                  </a>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>HTML</CardTitle>
        </CardHeader>
        <CardContent>
          {/* sandbox="": no scripts, no forms, no navigation of this page */}
          <iframe sandbox="" srcDoc={message.html} title={`HTML of ${message.subject}`} className="h-[32rem] w-full rounded-md border bg-white" />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Text</CardTitle>
        </CardHeader>
        <CardContent>
          <pre data-testid="email-text" className="overflow-auto rounded-md border bg-muted/40 p-3 text-sm whitespace-pre-wrap">
            {message.text}
          </pre>
        </CardContent>
      </Card>
    </div>
  );
}
