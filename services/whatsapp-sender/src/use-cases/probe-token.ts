import type { Logger } from '@app/logging';
import { resumeSending } from './resume-sending';
import type { CloudApi, SendingControl } from './ports';

export type ProbeOutcome = 'not_paused' | 'other_replica' | 'still_refused' | 'resumed';

/**
 * While sending is paused for an invalid token, one replica per interval asks the Cloud API a cheap
 * authenticated question; when the answer is a success, the token works again and sending resumes. A pause
 * for another reason is left to whoever made it.
 */
export async function probeToken(
  deps: { cloudApi: CloudApi; control: SendingControl },
  input: { intervalMs: number; log: Logger },
): Promise<ProbeOutcome> {
  const pause = await deps.control.pauseState();
  if (pause?.reason !== 'token_invalid') return 'not_paused';
  if (!(await deps.control.claimProbe(input.intervalMs))) return 'other_replica';
  const answer = await deps.cloudApi.probe();
  if (!answer.ok) {
    input.log.warn({ failure: answer.failure }, 'token probe refused; sending stays paused');
    return 'still_refused';
  }
  await resumeSending(deps, { by: 'probe', log: input.log });
  return 'resumed';
}
