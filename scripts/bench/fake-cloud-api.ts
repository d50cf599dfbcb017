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
    // The token probe (GET /{version}/{phone_number_id}) and anything else read-only.
    send(res, 200, JSON.stringify({ id: phoneNumberId, display_phone_number: '15550783881', verified_name: 'Bench School' }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const arrivedAt = now();
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
    const n = ++counter;
    log.push([arrivedAt, to, n, 'send', ref]);
    send(res, 200, JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.out.${n}` }] }));
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
