import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { emailAttachments, emailMessages, emailStatusEnum } from "@/db/schema";
import { likeContains, pageOf } from "@/lib/list-queries";

// Read side of the outbox (/admin/outbox). Sending lives in send.ts.

export const OUTBOX_PAGE_SIZE = 25;
export const EMAIL_STATUSES = emailStatusEnum.enumValues;

export const outboxQuerySchema = z.object({
  status: z.enum(EMAIL_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

/** Newest first; `q` matches any recipient or the subject. */
export async function listEmailMessages(db: Db, query: OutboxQuery) {
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(emailMessages.status, query.status));
  if (query.q) {
    const pattern = likeContains(query.q);
    const match = or(
      ilike(emailMessages.subject, pattern),
      sql`exists (select 1 from unnest(${emailMessages.toAddresses}) as recipient where recipient ilike ${pattern})`,
    );
    if (match) filters.push(match);
  }
  const where = filters.length ? and(...filters) : undefined;
  const { total, page, pageCount, offset } = await pageOf(db.select({ n: count() }).from(emailMessages).where(where), query.page, OUTBOX_PAGE_SIZE);
  const rows = await db
    .select({
      id: emailMessages.id,
      status: emailMessages.status,
      transport: emailMessages.transport,
      toAddresses: emailMessages.toAddresses,
      subject: emailMessages.subject,
      template: emailMessages.template,
      createdAt: emailMessages.createdAt,
      attachmentCount: sql<number>`(select count(*) from ${emailAttachments} where ${emailAttachments.emailMessageId} = ${emailMessages.id})`.mapWith(Number),
    })
    .from(emailMessages)
    .where(where)
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset(offset);
  return { rows, total, page, pageCount };
}
export type OutboxRow = Awaited<ReturnType<typeof listEmailMessages>>["rows"][number];

/** One message with what was attached to it (names, types and sizes; the bytes stay in the database). */
export async function getEmailMessage(db: Db, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db.select().from(emailMessages).where(eq(emailMessages.id, id));
  if (!row) return null;
  const attachments = await db
    .select({ filename: emailAttachments.filename, contentType: emailAttachments.contentType, size: emailAttachments.size })
    .from(emailAttachments)
    .where(eq(emailAttachments.emailMessageId, id))
    .orderBy(asc(emailAttachments.position));
  return { ...row, attachments };
}

/** The http(s) links of a message's HTML, decoded, in order and without repeats. */
export function extractLinks(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = (match[1] ?? match[2] ?? "")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .trim();
    if (/^https?:\/\//i.test(href) && !links.includes(href)) links.push(href);
  }
  return links;
}

/** 1536 → "1.5 KB": how the outbox shows an attachment's size. */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
