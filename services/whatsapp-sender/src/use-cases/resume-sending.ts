import type { SenderQueueStatus } from '@app/contracts';
import type { Logger } from '@app/logging';
import { getQueueStatus } from './get-queue-status';
import type { SendingControl } from './ports';

/**
 * Resumes sending for every replica, whoever asks: a successful token probe or an admin. If the token is
 * still refused, the first send pauses again; no job is failed either way.
 */
export async function resumeSending(
  deps: { control: SendingControl },
  input: { by: 'probe' | 'admin'; actor?: string; log: Logger },
): Promise<SenderQueueStatus> {
  const before = await deps.control.pauseState();
  await deps.control.resume();
  if (before) input.log.info({ by: input.by, actor: input.actor, pausedSince: before.since, reason: before.reason }, 'sending resumed');
  return getQueueStatus(deps);
}
