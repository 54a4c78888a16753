import { z } from "zod";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

// URL search params of the audit log; anything malformed is ignored rather than an error page.
export const auditQuerySchema = z.object({
  actorId: z.uuid().optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  entityType: z.string().trim().max(100).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
