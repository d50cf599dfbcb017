import { z } from 'zod';
import { AUDIT_ACTIONS, type StoredAuditEntry } from '../../../domain/audit';

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'a next_cursor from a previous page')
    .optional(),
  actor_id: z.uuid().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  actor_id: z.string().nullable(),
  actor_email: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  created_at: z.iso.datetime(),
});

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), next_cursor: z.string().nullable() });

export const presentAuditEntry = (entry: StoredAuditEntry): z.input<typeof auditEntrySchema> => ({
  id: entry.id,
  actor_id: entry.actorId,
  actor_email: entry.actorEmail,
  action: entry.action,
  target: entry.target,
  details: entry.details,
  ip: entry.ip,
  user_agent: entry.userAgent,
  created_at: entry.createdAt.toISOString(),
});
