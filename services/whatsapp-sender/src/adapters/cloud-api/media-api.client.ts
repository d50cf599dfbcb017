import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { mediaMetadataResponseSchema } from '@app/contracts';
import { ChecksumMismatchError, MediaTooLargeError, MediaTransferError } from '../../domain/media-failure';
import { describeNetworkError, graphFailure, graphRequest, isSuccess, isTimeout, readJson, type HttpRequest } from './graph-http';
import type { MediaApi } from '../../use-cases/ports';

export interface MediaApiClientOptions {
  baseUrl: string;
  apiVersion: string;
  accessToken: string;
  /** Metadata answer, and the whole download (headers and body). */
  timeoutMs: number;
  http: HttpRequest;
}

/**
 * Counts and hashes the bytes as they pass. Past `maxBytes` it stops reading: the generator returns, the
 * body is cancelled and the request aborted, so an oversize file is never fully transferred.
 */
async function* verified(
  source: AsyncIterable<Uint8Array>,
  limits: { maxBytes: number; sha256: string | undefined },
  hash: ReturnType<typeof createHash>,
  abort: () => void,
): AsyncGenerator<Uint8Array> {
  let size = 0;
  let complete = false;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > limits.maxBytes) throw new MediaTooLargeError(`more than ${limits.maxBytes} bytes`);
      hash.update(chunk);
      yield chunk;
    }
    complete = true;
  } catch (error) {
    if (error instanceof MediaTooLargeError) throw error;
    throw new MediaTransferError(isTimeout(error) ? 'download timed out' : `download broke off: ${describeNetworkError(error)}`, {
      cause: error,
    });
  } finally {
    if (!complete) abort();
  }
  const actual = hash.copy().digest('hex');
  if (limits.sha256 !== undefined && actual !== limits.sha256) {
    throw new ChecksumMismatchError(`sha256 ${actual} of ${size} bytes; meta says ${limits.sha256}`);
  }
}

/** GET {base}/{version}/{media_id} and the URL it names, both with the Bearer token. */
export function createMediaApiClient(opts: MediaApiClientOptions): MediaApi {
  const { accessToken, timeoutMs, http } = opts;

  return {
    async metadata(mediaId) {
      const signal = AbortSignal.timeout(timeoutMs);
      const answer = await graphRequest(http, `${opts.baseUrl}/${opts.apiVersion}/${mediaId}`, {
        method: 'GET',
        accessToken,
        signal,
        timeoutMs,
      });
      if (!answer.ok) return answer;
      let payload: unknown;
      try {
        payload = await readJson(answer.response);
      } catch (error) {
        if (!isTimeout(error)) throw error;
        return { ok: false, failure: { kind: 'timeout', title: `no answer within ${timeoutMs} ms` } };
      }
      if (!isSuccess(answer.response.status)) return { ok: false, failure: graphFailure(answer.response.status, payload) };
      const parsed = mediaMetadataResponseSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, failure: { kind: 'http', status: 502, title: 'media metadata without a usable url' } };
      return { ok: true, value: parsed.data };
    },

    async download(url, limits) {
      const controller = new AbortController();
      const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]);
      const answer = await graphRequest(http, url, { method: 'GET', accessToken, signal, timeoutMs });
      if (!answer.ok) return answer;
      const { response } = answer;
      // 204 and 205 carry no body: no file either (fetch gave them a null body, refused the same way).
      if (!isSuccess(response.status) || response.status === 204 || response.status === 205) {
        const payload = await readJson(response).catch(() => undefined);
        return { ok: false, failure: graphFailure(response.status, payload) };
      }
      const length = response.header('content-length');
      const hash = createHash('sha256');
      const source = response.body;
      const abort = () => {
        controller.abort();
        source.destroy();
      };
      const body = Readable.from(verified(source, limits, hash, abort));
      body.once('close', () => {
        if (!body.readableEnded) abort();
      });
      return {
        ok: true,
        value: { body, announcedBytes: length === undefined ? undefined : Number(length), sha256: () => hash.copy().digest('hex') },
      };
    },
  };
}
