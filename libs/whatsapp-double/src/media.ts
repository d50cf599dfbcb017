import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Express, Request, Response } from 'express';
import { INVALID_TOKEN, sendGraphError } from './graph-error';
import type { RecordedRequest, ScriptedResponse } from './types';

export interface FakeMediaOptions {
  content: Buffer;
  mimeType?: string;
  /** Defaults to a fresh numeric id, like Meta's. */
  id?: string;
  /** What the metadata answer claims; defaults to the SHA-256 of `content` (a wrong one: a checksum mismatch). */
  sha256?: string;
  /** Meta's examples give hex; base64 has been seen too. */
  sha256Encoding?: 'hex' | 'base64';
  /** What `file_size` claims; defaults to the real size (a smaller one: a file that is bigger than announced). */
  fileSize?: number;
  /** Download without Content-Length (chunked): the size is only known by counting. */
  chunked?: boolean;
  /** A pause between 64 KiB chunks: a slow transfer, so that a client that gives up is seen giving up. */
  chunkDelayMs?: number;
}

export interface FakeMediaFile {
  id: string;
  /** Lowercase hex SHA-256 of the content. */
  sha256: string;
  size: number;
}

interface StoredMedia extends Required<Pick<FakeMediaOptions, 'content' | 'mimeType' | 'id'>> {
  sha256: string;
  fileSize: number;
  chunked: boolean;
  chunkDelayMs: number;
  expired: boolean;
  scripted: ScriptedResponse[];
}

export interface FakeMediaApi {
  addMedia(opts: FakeMediaOptions): FakeMediaFile;
  /** From now on Meta no longer knows the id: metadata answers 404 in Graph's error format. */
  expireMedia(id: string): void;
  /** Answers the next metadata requests of that media id as given, then normally again. */
  scriptMedia(id: string, ...responses: ScriptedResponse[]): void;
  /** Metadata and download requests, in arrival order. */
  mediaRequests: RecordedRequest[];
}

export interface MediaRoutes extends FakeMediaApi {
  /** The bytes of a known, unexpired media id (for the sandbox's phone page, which shows them). */
  mediaContent(id: string): { content: Buffer; mimeType: string } | undefined;
  /** Answers `GET /{version}/{media_id}`. */
  handleMetadata(req: Request, res: Response): void;
}

interface MediaRouteDeps {
  authorized: (req: Request) => boolean;
  record: (req: Request, into: RecordedRequest[]) => RecordedRequest;
}

const CHUNK = 64 * 1024;
const DOWNLOAD_PATH = '/whatsapp_business/attachments/';

/**
 * Meta's media endpoints: `GET /{version}/{media_id}` answers the metadata with a short-lived URL, and that
 * URL (lookaside-like) serves the bytes; both need the Bearer token. The URL names the host the request came
 * to, so a sender reaching the double by another name (a compose service, a proxy) can follow it.
 */
export function mountMedia(app: Express, deps: MediaRouteDeps): MediaRoutes {
  const media = new Map<string, StoredMedia>();
  const mediaRequests: RecordedRequest[] = [];

  app.get(DOWNLOAD_PATH, (req, res) => {
    const record = deps.record(req, mediaRequests);
    const file = media.get(String(req.query.mid ?? ''));
    if (!deps.authorized(req)) return sendGraphError(res, record, INVALID_TOKEN);
    if (!file || file.expired) return sendGraphError(res, record, { kind: 'error', status: 404, code: 100, title: 'Media not found' });
    res.status(200).setHeader('content-type', file.mimeType);
    if (!file.chunked) res.setHeader('content-length', String(file.content.length));
    record.status = 200;
    res.on('close', () => {
      record.outcome = res.writableFinished ? 'accepted' : 'aborted';
    });
    const chunks = Array.from({ length: Math.ceil(file.content.length / CHUNK) }, (_, i) =>
      file.content.subarray(i * CHUNK, (i + 1) * CHUNK),
    );
    async function* paced() {
      for (const chunk of chunks) {
        if (file!.chunkDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, file!.chunkDelayMs));
        yield chunk;
      }
    }
    const body = Readable.from(paced());
    res.on('close', () => body.destroy());
    body.pipe(res);
  });

  return {
    mediaRequests,
    addMedia(opts) {
      const id = opts.id ?? String(10n ** 15n + BigInt(`0x${randomBytes(6).toString('hex')}`));
      const digest = createHash('sha256').update(opts.content);
      const hex = digest.copy().digest('hex');
      const claimed = opts.sha256 ?? (opts.sha256Encoding === 'base64' ? digest.digest('base64') : hex);
      media.set(id, {
        id,
        content: opts.content,
        mimeType: opts.mimeType ?? 'image/jpeg',
        sha256: claimed,
        fileSize: opts.fileSize ?? opts.content.length,
        chunked: opts.chunked ?? false,
        chunkDelayMs: opts.chunkDelayMs ?? 0,
        expired: false,
        scripted: [],
      });
      return { id, sha256: hex, size: opts.content.length };
    },
    expireMedia(id) {
      const file = media.get(id);
      if (file) file.expired = true;
    },
    scriptMedia(id, ...responses) {
      media.get(id)?.scripted.push(...responses);
    },
    mediaContent(id) {
      const file = media.get(id);
      return file && !file.expired ? { content: file.content, mimeType: file.mimeType } : undefined;
    },
    handleMetadata(req, res) {
      const id = String(req.params.nodeId);
      const file = media.get(id);
      const record = deps.record(req, mediaRequests);
      if (!deps.authorized(req)) return sendGraphError(res, record, INVALID_TOKEN);
      if (!file || file.expired) {
        return sendGraphError(res, record, {
          kind: 'error',
          status: 404,
          code: 100,
          subcode: 33,
          type: 'GraphMethodException',
          title: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        });
      }
      const scripted = file.scripted.shift();
      if (scripted?.kind === 'error') return sendGraphError(res, record, scripted);
      record.outcome = 'accepted';
      record.status = 200;
      res.json({
        messaging_product: 'whatsapp',
        url: `${req.protocol}://${req.get('host')}${DOWNLOAD_PATH}?mid=${id}&ext=${Date.now()}&hash=${randomBytes(6).toString('hex')}`,
        mime_type: file.mimeType,
        sha256: file.sha256,
        file_size: file.fileSize,
        id,
      });
    },
  };
}
