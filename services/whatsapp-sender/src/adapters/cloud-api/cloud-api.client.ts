import { sendMessageResponseSchema } from '@app/contracts';
import { inSpan, SpanKind, SpanStatusCode, type Span } from '@app/telemetry';
import type { CloudApiMessageBody } from '../../domain/message-body';
import type { CloudApiReadBody } from '../../domain/read-body';
import type { CloudApiFailure } from '../../domain/send-error';
import { deadline, graphFailure, graphRequest, isSuccess, isTimeout, readJson, type HttpRequest } from './graph-http';
import type { CallOutcome, CloudApi, CloudApiOutcome } from '../../use-cases/ports';

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

type Answer = { ok: true; payload: unknown; status: number } | { ok: false; failure: CloudApiFailure };

/** The URL as a span may show it: no user info, no query (the token is a header, but a URL could carry one). */
function safeUrl(url: string): { full: string; host: string; port: number } {
  const parsed = new URL(url);
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  return { full: `${parsed.protocol}//${parsed.host}${parsed.pathname}`, host: parsed.hostname, port };
}

/** A CLIENT span's outcome attributes (semantic conventions, plus Meta's error code when it gave one). */
function annotate(span: Span, answer: Answer): void {
  if (!span.isRecording()) return;
  if (answer.ok) {
    span.setAttribute('http.response.status_code', answer.status);
    return;
  }
  const { failure } = answer;
  if (failure.kind === 'http') {
    span.setAttribute('http.response.status_code', failure.status);
    if (failure.code !== undefined) span.setAttribute('whatsapp.error.code', failure.code);
    if (failure.subcode !== undefined) span.setAttribute('whatsapp.error.subcode', failure.subcode);
  }
  span.setAttribute('error.type', failure.kind === 'http' ? String(failure.status) : failure.kind);
  span.setStatus({ code: SpanStatusCode.ERROR, message: failure.title.slice(0, 200) });
}

/** POST {base}/{version}/{phone_number_id}/messages (sends, mark-as-read) and the phone-number probe. */
export function createCloudApiClient(opts: CloudApiClientOptions): CloudApi {
  const node = `${opts.baseUrl}/${opts.apiVersion}/${opts.phoneNumberId}`;
  const messages = `${node}/messages`;

  const call = (method: 'GET' | 'POST', url: string, body?: unknown): Promise<Answer> => {
    const target = safeUrl(url);
    const attributes = {
      'http.request.method': method,
      'url.full': target.full,
      'server.address': target.host,
      'server.port': target.port,
    };
    return inSpan(method, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const answer = await request(method, url, body);
      annotate(span, answer);
      return answer;
    });
  };

  const request = async (method: 'GET' | 'POST', url: string, body?: unknown): Promise<Answer> => {
    const started = performance.now();
    const timeout = deadline(opts.timeoutMs);
    let status = 'network';
    try {
      const answer = await graphRequest(opts.http, url, {
        method,
        accessToken: opts.accessToken,
        body,
        signal: timeout.signal,
        timeoutMs: opts.timeoutMs,
      });
      status = answer.status;
      if (!answer.ok) return answer;
      const payload = await readJson(answer.response);
      const httpStatus = answer.response.status;
      return isSuccess(httpStatus) ? { ok: true, payload, status: httpStatus } : { ok: false, failure: graphFailure(httpStatus, payload) };
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
