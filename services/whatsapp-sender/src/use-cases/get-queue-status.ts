import type { SenderQueueStatus } from '@app/contracts';
import type { SendingControl } from './ports';

/** Paused or not (and why), and how many jobs wait, are delayed, run or failed, as every replica sees it. */
export async function getQueueStatus(deps: { control: SendingControl }): Promise<SenderQueueStatus> {
  const [pause, counts] = await Promise.all([deps.control.pauseState(), deps.control.counts()]);
  return {
    paused: pause !== undefined,
    pause: pause ? { reason: pause.reason, since: pause.since?.toISOString() ?? null, error: pause.error } : null,
    outbound: counts.outbound,
    media: counts.media,
  };
}
