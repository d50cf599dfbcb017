import { sendMessageResponseSchema } from '@app/contracts';
import type { CloudApiMessageBody } from '../domain/message-body';
import type { CloudApiReadBody } from '../domain/read-body';
import type { CloudApiFailure } from '../domain/send-error';
import { deadline, graphFailure, graphRequest, isSuccess, isTimeout, readJson, type HttpRequest } from './graph-http';
import type { CallOutcome, CloudApi, CloudApiOutcome } from '../use-cases/ports';

export interface CloudApiClientOptions {
  baseUrl: string;
  apiVersion: string;
  phoneNumberId: string;
  accessToken: string;
  /** The whole call: connecting, the answer's headers and its body. */
  timeoutMs: number;
  http: HttpRequest;
  /** Called once per request with its duration and `2xx`/`4xx`/`5xx`/`timeout`/`network`. */
  observe?: (seconds: number, status: string) => void;
}

type Answer = { ok: true; payload: unknown } | { ok: false; failure: CloudApiFailure };

/** POST {base}/{version}/{phone_number_id}/messages (sends, mark-as-read) and the phone-number probe. */
export function createCloudApiClient(opts: CloudApiClientOptions): CloudApi {
  const node = `${opts.baseUrl}/${opts.apiVersion}/${opts.phoneNumberId}`;
  const messages = `${node}/messages`;

  const call = async (method: 'GET' | 'POST', url: string, body?: unknown): Promise<Answer> => {
    const started = performance.now();
    const timeout = deadline(opts.timeoutMs);
    let status = 'network';
    try {
      const answer = await graphRequest(opts.http, url, { method, accessToken: opts.accessToken, body, signal: timeout.signal, timeoutMs: opts.timeoutMs });
      status = answer.status;
      if (!answer.ok) return answer;
      const payload = await readJson(answer.response);
      return isSuccess(answer.response.status) ? { ok: true, payload } : { ok: false, failure: graphFailure(answer.response.status, payload) };
    } catch (error) {
      // The body stalled past the deadline: the same unknown outcome as a request that timed out.
      if (!isTimeout(error)) throw error;
      status = 'timeout';
      return { ok: false, failure: { kind: 'timeout', title: `no answer within ${opts.timeoutMs} ms` } };
    } finally {
      timeout.clear();
      opts.observe?.((performance.now() - started) / 1000, status);
    }
  };

  return {
    async send(body: CloudApiMessageBody): Promise<CloudApiOutcome> {
      const answer = await call('POST', messages, body);
      if (!answer.ok) return answer;
      const accepted = sendMessageResponseSchema.safeParse(answer.payload).data;
      const wamid = accepted?.messages[0]?.id;
      const userId = accepted?.contacts?.[0]?.user_id;
      if (wamid) return { ok: true, wamid, ...(userId ? { userId } : {}) };
      return { ok: false, failure: { kind: 'http', status: 200, title: 'success answer without a message id' } };
    },
    async markRead(body: CloudApiReadBody): Promise<CallOutcome> {
      const answer = await call('POST', messages, body);
      return answer.ok ? { ok: true, value: undefined } : answer;
    },
    async probe(): Promise<CallOutcome> {
      const answer = await call('GET', node);
      return answer.ok ? { ok: true, value: undefined } : answer;
    },
  };
}
