import type { Logger } from '@app/logging';
import type { SendError } from '@app/contracts';
import type { SendMessageDeps } from './ports';

/**
 * The Cloud API refused our access token (190 / HTTP 401): every message would fail the same way until
 * someone renews it. Sending stops for every replica (BullMQ's pause is kept in Redis), the jobs stay
 * queued, and a token probe (probe-token.ts) or an admin resumes it. Only the call that actually paused
 * logs the error, so a burst of refusals raises one alert.
 */
export async function pauseSending(
  deps: Pick<SendMessageDeps, 'control' | 'metrics' | 'now'>,
  input: { error: Pick<SendError, 'code' | 'title'>; log: Logger },
): Promise<void> {
  const { code, title } = input.error;
  const first = await deps.control.pause({ reason: 'token_invalid', since: deps.now(), error: { code, title } });
  if (!first) return;
  deps.metrics.paused('token_invalid');
  input.log.error({ errorCode: code, title }, 'cloud api refused the access token; sending paused until the token works again');
}
