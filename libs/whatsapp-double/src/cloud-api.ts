import { randomBytes } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type NextFunction, type Request, type Response } from 'express';
import { addresseeOf, answerContact } from './addressee';
import { INVALID_TOKEN, parameterError, sendGraphError } from './graph-error';
import { mountMedia, type FakeMediaApi, type MediaRoutes } from './media';
import { checkMessagesRequest } from './send-limits';
import type { RecordedRequest, ScriptedResponse } from './types';

export interface CloudApiOptions {
  token?: string;
  /** When set, sends to another phone number id are refused, and GET of this id is the token probe. */
  phoneNumberId?: string;
  /** What the phone-number node answers. */
  verifiedName?: string;
  displayPhoneNumber?: string;
  /** Keep only the last N requests of each record (a long-running sandbox); tests keep them all. */
  maxRecorded?: number;
}

/** The Cloud API's behaviour and records, mounted on an express app (the test double's and the sandbox's). */
export interface CloudApiDouble extends FakeMediaApi {
  token: string;
  /** POSTs to /messages (sends and mark-as-read), in arrival order. */
  requests: RecordedRequest[];
  /** Accepted sends (they have a wamid), in the order the double received them. */
  accepted(): RecordedRequest[];
  /** Accepted mark-as-read requests. */
  readReceipts(): RecordedRequest[];
  /** `GET /{version}/{phone_number_id}`: what a sender uses to check its token. */
  probes: RecordedRequest[];
  /** Answers the next N POSTs to /messages as given, in order; then it accepts again. */
  script(...responses: ScriptedResponse[]): void;
  /**
   * Like script(), for sends to one recipient only (a phone, matched against `to`, or a business-scoped user
   * id, matched against `recipient`); they are answered from this list first.
   */
  scriptFor(to: string, ...responses: ScriptedResponse[]): void;
  /** Until restoreToken(), every request is refused like an expired token: HTTP 401, code 190. */
  revokeToken(): void;
  restoreToken(): void;
  /** Fires when a POST to /messages arrives (before it is answered). */
  onRequest(listener: (req: RecordedRequest) => void): void;
  /** Fires once a POST to /messages was accepted and answered: a send (with its wamid) or a mark-as-read. */
  onAccepted(listener: (req: RecordedRequest) => void): void;
  /** The bytes behind a media id, for a page that shows them. */
  mediaContent: MediaRoutes['mediaContent'];
}

export interface FakeCloudApi extends CloudApiDouble {
  url: string;
  close(): Promise<void>;
}

const GRAPH_VERSION = /^v\d+(\.\d+)?$/;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The WhatsApp Cloud API speaking Meta's formats. It checks the Bearer token, the phone number id and every
 * payload against WhatsApp's limits (refusing with Meta's codes), records every request, and can be scripted
 * to answer with Meta's errors (globally or per recipient), to hang, or to answer late. It also serves the
 * phone-number node (a token probe), mark-as-read and the media endpoints (see media.ts). Routes only match
 * `/{vN.N}/...`, so an app can serve its own pages beside them.
 */
export function mountCloudApi(app: Express, opts: CloudApiOptions = {}): CloudApiDouble {
  const token = opts.token ?? 'test-token';
  const requests: RecordedRequest[] = [];
  const probes: RecordedRequest[] = [];
  const scripted: ScriptedResponse[] = [];
  const scriptedFor = new Map<string, ScriptedResponse[]>();
  const listeners: ((req: RecordedRequest) => void)[] = [];
  const acceptedListeners: ((req: RecordedRequest) => void)[] = [];
  let revoked = false;

  const authorized = (req: Request) => !revoked && req.headers.authorization === `Bearer ${token}`;
  const record = (req: Request, into: RecordedRequest[]): RecordedRequest => {
    const entry: RecordedRequest = {
      method: req.method,
      path: req.path,
      authorization: req.headers.authorization,
      body: (req.body ?? {}) as Record<string, unknown>,
      receivedAt: Date.now(),
      outcome: 'error',
    };
    into.push(entry);
    if (opts.maxRecorded !== undefined && into.length > opts.maxRecorded) into.splice(0, into.length - opts.maxRecorded);
    return entry;
  };
  const nextScripted = (body: Record<string, unknown>): ScriptedResponse | undefined => {
    const addressee = addresseeOf(body);
    const own = addressee === undefined ? undefined : scriptedFor.get(addressee.id);
    return own?.shift() ?? scripted.shift();
  };
  const graphPath = (req: Request, _res: Response, next: NextFunction) =>
    next(GRAPH_VERSION.test(String(req.params.version)) ? undefined : 'route');

  // Only the Graph routes parse JSON, so an app's own routes beside them keep their own body handling.
  const router = express.Router();
  const json = express.json({ limit: '1mb' });
  const media = mountMedia(app, { authorized, record });

  router.post('/:version/:phoneNumberId/messages', graphPath, json, async (req: Request, res) => {
    const entry = record(req, requests);
    for (const listener of listeners) listener(entry);

    let aborted = false;
    res.on('close', () => {
      if (!res.writableFinished) aborted = true;
    });

    // Meta checks the token, then the number, then the payload; a scripted answer is used up either way.
    let response: ScriptedResponse = nextScripted(entry.body) ?? { kind: 'accept' };
    if (!authorized(req)) {
      response = INVALID_TOKEN;
    } else if (opts.phoneNumberId && req.params.phoneNumberId !== opts.phoneNumberId) {
      response = { kind: 'error', status: 400, code: 100, title: 'Invalid parameter', message: 'Unknown phone number id' };
    } else {
      response = checkMessagesRequest(entry.body) ?? response;
    }
    while (response.kind === 'delay') {
      await delay(response.ms);
      response = response.then;
    }
    if (response.kind === 'hang') {
      entry.outcome = 'aborted';
      return; // the socket stays open until the client gives up or the server closes
    }
    if (aborted || res.destroyed) {
      entry.outcome = 'aborted';
      return;
    }
    if (response.kind === 'error') return sendGraphError(res, entry, response);
    entry.outcome = 'accepted';
    entry.status = 200;
    if (entry.body.status === 'read') {
      res.json({ success: true });
    } else {
      const wamid = `wamid.${randomBytes(12).toString('base64url')}`;
      entry.wamid = wamid;
      // The payload checks passed, so a send names its addressee: `{input, wa_id}` for a phone, `{input, user_id}` for a BSUID.
      const addressee = addresseeOf(entry.body);
      res.json({ messaging_product: 'whatsapp', contacts: addressee ? [answerContact(addressee)] : [], messages: [{ id: wamid }] });
    }
    for (const listener of acceptedListeners) listener(entry);
  });

  // A Graph node: the business phone number (a cheap authenticated read, the sender's token probe) or a media id.
  router.get('/:version/:nodeId', graphPath, (req: Request, res) => {
    if (req.params.nodeId !== opts.phoneNumberId) return media.handleMetadata(req, res);
    const entry = record(req, probes);
    if (!authorized(req)) return sendGraphError(res, entry, INVALID_TOKEN);
    entry.outcome = 'accepted';
    entry.status = 200;
    res.json({
      verified_name: opts.verifiedName ?? 'Test School',
      display_phone_number: opts.displayPhoneNumber ?? '15550783881',
      quality_rating: 'GREEN',
      id: opts.phoneNumberId,
    });
  });

  // A body that is not JSON is refused the way Graph refuses it, not with express's HTML page.
  const onBadJson: ErrorRequestHandler = (error: { type?: string }, req, res, next) => {
    if (error.type !== 'entity.parse.failed' && error.type !== 'entity.too.large') return next(error);
    sendGraphError(res, record(req, requests), parameterError(100, 'The request body could not be parsed as JSON.'));
  };
  router.use(onBadJson);
  app.use(router);

  return {
    token,
    requests,
    probes,
    mediaRequests: media.mediaRequests,
    accepted: () => requests.filter((r) => r.outcome === 'accepted' && r.wamid !== undefined),
    readReceipts: () => requests.filter((r) => r.outcome === 'accepted' && r.body.status === 'read'),
    script: (...responses) => scripted.push(...responses),
    scriptFor: (to, ...responses) => scriptedFor.set(to, [...(scriptedFor.get(to) ?? []), ...responses]),
    revokeToken: () => {
      revoked = true;
    },
    restoreToken: () => {
      revoked = false;
    },
    addMedia: media.addMedia,
    expireMedia: media.expireMedia,
    scriptMedia: media.scriptMedia,
    mediaContent: media.mediaContent,
    onRequest: (listener) => listeners.push(listener),
    onAccepted: (listener) => acceptedListeners.push(listener),
  };
}
