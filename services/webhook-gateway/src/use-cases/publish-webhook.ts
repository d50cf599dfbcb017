import type { Topology } from '@app/contracts';
import type { SplitEvent } from '../domain/split-webhook';

export interface PublishWebhookDeps {
  topology: Topology;
  publish: (subject: string, event: SplitEvent['event']) => Promise<{ duplicate: boolean }>;
}

/**
 * Publishes every event of a webhook and resolves only when JetStream has stored all of them. Rejects if any
 * publish fails; the events that did get stored are harmless on Meta's retry (same msgID, and the engine
 * dedupes by wamid durably).
 */
export async function publishWebhook(deps: PublishWebhookDeps, events: SplitEvent[]): Promise<{ published: number; duplicates: number }> {
  const acks = await Promise.all(events.map((e) => deps.publish(deps.topology.inboundSubject(e.partition, e.kind), e.event)));
  return { published: acks.length, duplicates: acks.filter((a) => a.duplicate).length };
}
