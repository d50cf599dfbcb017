import { Counter, type Registry } from 'prom-client';

/** What history retention deleted on this replica, by kind (conversations emptied, messages, media files). */
export function retentionMetrics(registry: Registry): (deleted: { conversations: number; messages: number; media: number }) => void {
  const deletions = new Counter({
    name: 'engine_retention_deleted_total',
    help: 'History retention deletions by this replica: conversations whose history went, their messages and media files',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  return (deleted) => {
    for (const kind of ['conversations', 'messages', 'media'] as const) if (deleted[kind] > 0) deletions.inc({ kind }, deleted[kind]);
  };
}
