// Open-loop load generator (a child process, so its CPU is measured apart). Sends are scheduled at exact
// intervals from startAt and fired whether or not earlier ones were answered; latency is measured from the
// scheduled time, so queueing anywhere (here included) shows up instead of being hidden (coordinated
// omission). Each webhook carries one text message signed like Meta's. Stops by itself: every request has a
// timeout, and the run ends when all are settled. Bundled and run on plain node: no app imports.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { inboundWamid, type GeneratorDone, type GeneratorRun, type SentRecord } from './generator-protocol';

const now = () => performance.timeOrigin + performance.now();

function payload(run: GeneratorRun, g: number, scheduled: number): string {
  const student = g % run.phones.length;
  const k = Math.floor(g / run.phones.length);
  const phone = run.phones[student] ?? '';
  const ts = String(Math.floor(scheduled / 1000));
  return (
    '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":' +
    `{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"${run.phoneNumberId}"},` +
    `"contacts":[{"profile":{"name":"Bench Student"},"wa_id":"${phone}"}],` +
    `"messages":[{"from":"${phone}","id":"${inboundWamid(run.runId, student, k)}","timestamp":"${ts}","type":"text","text":{"body":${JSON.stringify(run.text)}}}]}}]}]}`
  );
}

function execute(run: GeneratorRun): Promise<GeneratorDone> {
  const total = Math.round((run.rate * run.durationMs) / 1000);
  const interval = 1000 / run.rate;
  const targets = run.targets.map((t) => new URL(t));
  // A fresh pool per step: sockets a server closed while idle between steps are never reused.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const sent: SentRecord[] = new Array<SentRecord>(total);
  let next = 0;
  let settled = 0;
  let maxLagMs = 0;
  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      resolve({ type: 'done', sent: sent.filter(Boolean), maxLagMs });
    };
    const fire = (i: number) => {
      const g = run.firstIndex + i;
      const scheduled = run.startAt + i * interval;
      const body = payload(run, g, scheduled);
      const target = targets[i % targets.length] as URL;
      const record: SentRecord = [g, scheduled, 0, 0];
      sent[i] = record;
      let done = false;
      const settle = (status: number) => {
        if (done) return;
        done = true;
        record[2] = status;
        record[3] = now();
        if (++settled === total) finish();
      };
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: run.path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-hub-signature-256': `sha256=${createHmac('sha256', run.appSecret).update(body).digest('hex')}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => settle(res.statusCode ?? 0));
          res.on('error', () => settle(0));
        },
      );
      req.setTimeout(run.requestTimeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', () => settle(0));
      req.end(body);
    };
    const tick = () => {
      const t = now();
      while (next < total && run.startAt + next * interval <= t) {
        maxLagMs = Math.max(maxLagMs, t - (run.startAt + next * interval));
        fire(next++);
      }
      if (next < total) setTimeout(tick, Math.max(0, run.startAt + next * interval - now() - 1));
    };
    if (total === 0) finish();
    else setTimeout(tick, Math.max(0, run.startAt - now()));
  });
}

process.on('message', (message: GeneratorRun) => {
  if (message.type !== 'run') return;
  void execute(message).then((done) => process.send?.(done));
});
process.on('disconnect', () => process.exit(0));
