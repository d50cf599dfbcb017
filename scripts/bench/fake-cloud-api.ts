// The Cloud API as the bench's only fake: a bare node:http server in its own process (so its CPU is counted
// apart). It answers sends and mark-as-read the way Meta does, and records each POST's arrival time (epoch ms,
// the same clock as the generator), recipient and the wamid it assigned. The bench reads the log over HTTP:
// GET /__bench/log?from=<index>. Nothing here may import app code: it is bundled and run on plain node.
import http from 'node:http';

const port = Number(process.env.FAKE_PORT);
const phoneNumberId = process.env.FAKE_PHONE_NUMBER_ID ?? '';
const messagesPath = `/${process.env.FAKE_API_VERSION ?? 'v25.0'}/${phoneNumberId}/messages`;
const now = () => performance.timeOrigin + performance.now();

/** [arrivedAt, to, n (the number in the assigned wamid), kind, biz_opaque_callback_data] */
type LogRecord = [number, string, number, 'send' | 'read', string];
const log: LogRecord[] = [];
let counter = 0;

/**
 * Injected faults (used by `npm run chaos` only; the bench never sets one, so the fake behaves as before):
 * POST /__bench/fault {mode, ratio?, phones?}. A refused send is not in the log (it was not accepted).
 * http500: `ratio` of sends answer 500; throughput: every send answers 429 with error 130429; pair: sends to
 * `phones` answer 400 with error 131056; token: every call (the token probe's GET too) answers 401 with 190.
 */
type FaultMode = 'none' | 'http500' | 'throughput' | 'pair' | 'token';
let fault: { mode: FaultMode; ratio: number; phones: Set<string> } = { mode: 'none', ratio: 0, phones: new Set() };
const refused: Record<string, number> = {};
const metaError = (code: number, message: string, type = 'OAuthException') =>
  JSON.stringify({ error: { message, type, code, fbtrace_id: 'AbCdEfGh' } });
/** The refusal the current fault gives this call, if any: [status, body]. */
function injected(to: string | undefined): [number, string] | undefined {
  switch (fault.mode) {
    case 'http500':
      return Math.random() < fault.ratio ? [500, metaError(2, 'Service temporarily unavailable')] : undefined;
    case 'throughput':
      return [429, metaError(130429, '(#130429) Rate limit hit')];
    case 'pair':
      return to !== undefined && fault.phones.has(to)
        ? [400, metaError(131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit')]
        : undefined;
    case 'token':
      return [401, metaError(190, 'Error validating access token: Session has expired')];
    default:
      return undefined;
  }
}
const refuse = (res: http.ServerResponse, answer: [number, string]) => {
  refused[`${fault.mode}:${answer[0]}`] = (refused[`${fault.mode}:${answer[0]}`] ?? 0) + 1;
  send(res, answer[0], answer[1]);
};

const send = (res: http.ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};

const server = http.createServer((req, res) => {
  const url = req.url ?? '';
  if (req.method === 'GET') {
    if (url.startsWith('/__bench/log')) {
      const from = Number(new URL(url, 'http://x').searchParams.get('from') ?? 0);
      send(res, 200, JSON.stringify({ next: log.length, records: log.slice(from) }));
      return;
    }
    if (url.startsWith('/__bench/faults')) {
      send(res, 200, JSON.stringify({ mode: fault.mode, refused }));
      return;
    }
    const refusal = fault.mode === 'token' ? injected(undefined) : undefined;
    if (refusal) {
      refuse(res, refusal);
      return;
    }
    // The token probe (GET /{version}/{phone_number_id}) and anything else read-only.
    send(res, 200, JSON.stringify({ id: phoneNumberId, display_phone_number: '15550783881', verified_name: 'Bench School' }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const arrivedAt = now();
    if (url === '/__bench/fault') {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { mode?: FaultMode; ratio?: number; phones?: string[] };
        fault = { mode: body.mode ?? 'none', ratio: body.ratio ?? 0, phones: new Set(body.phones ?? []) };
        send(res, 200, JSON.stringify({ mode: fault.mode }));
      } catch {
        send(res, 400, '{}');
      }
      return;
    }
    if (url !== messagesPath) {
      send(res, 404, JSON.stringify({ error: { message: 'unknown path', type: 'OAuthException', code: 100 } }));
      return;
    }
    let body: { to?: unknown; status?: unknown; biz_opaque_callback_data?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
    } catch {
      send(res, 400, JSON.stringify({ error: { message: 'bad json', type: 'OAuthException', code: 100 } }));
      return;
    }
    const ref = typeof body.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : '';
    if (body.status === 'read') {
      log.push([arrivedAt, '', 0, 'read', ref]);
      send(res, 200, '{"success":true}');
      return;
    }
    const to = typeof body.to === 'string' ? body.to : '';
    const refusal = injected(to);
    if (refusal) {
      refuse(res, refusal);
      return;
    }
    const n = ++counter;
    log.push([arrivedAt, to, n, 'send', ref]);
    send(
      res,
      200,
      JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.out.${n}` }] }),
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`fake cloud api on ${port}\n`));
const close = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
