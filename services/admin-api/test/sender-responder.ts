import { parse, senderRpc, topology, type SenderRpcName } from '@app/contracts';
import { connectNats } from '@app/messaging';
import { testInfra } from '@app/testing';
import type { z } from 'zod';
import type { ReceivedRequest } from './engine-responder';
import { silentLog } from './harness';

/*
 * Stands in for whatsapp-sender's admin side (its own tests run the real one): answers the sender RPC subjects
 * of one namespace in the sender's queue group, through the contract's schemas, and records what admin-api
 * sent. Requests the request schema refuses are answered invalid_request.
 */

type RequestOf<N extends SenderRpcName> = z.output<(typeof senderRpc)[N]['request']>;
type ReplyOf<N extends SenderRpcName> = z.input<(typeof senderRpc)[N]['reply']>;
export type SenderAnswer<N extends SenderRpcName> = ReplyOf<N> | { raw: string } | 'silent';

export async function startSenderResponder(namespace: string) {
  const nc = await connectNats(testInfra.natsUrl, 'sender-responder', silentLog);
  const names = topology(namespace);
  const received: ReceivedRequest[] = [];
  return {
    received,
    /** Resolves once the server has the subscription, so the next request cannot meet "no responders". */
    async answer<N extends SenderRpcName>(name: N, reply: (request: RequestOf<N>) => SenderAnswer<N>) {
      const spec = senderRpc[name];
      nc.subscribe(names.senderRpcSubject(spec.name), {
        queue: names.senderRpcQueueGroup,
        callback: (_error, msg) => {
          const parsed = parse(spec.request, msg.data, { root: 'request' });
          received.push({ name, body: parsed.json, valid: parsed.ok, correlationId: msg.headers?.get('x-correlation-id') });
          if (!parsed.ok)
            return void msg.respond(JSON.stringify({ ok: false, error: { code: 'invalid_request', message: parsed.reason } }));
          const answer = reply(parsed.value as RequestOf<N>);
          if (answer === 'silent') return;
          if (typeof answer === 'object' && answer !== null && 'raw' in answer) msg.respond(String(answer.raw));
          else msg.respond(JSON.stringify(spec.reply.parse(answer)));
        },
      });
      await nc.flush();
    },
    close: () => nc.drain(),
  };
}

export type SenderResponder = Awaited<ReturnType<typeof startSenderResponder>>;
