import { engineRpc, senderRpc, type EngineRpcName, type SenderRpcName } from '@app/contracts';
import { startEngineResponder } from './engine-responder';
import type { ReceivedRequest } from './engine-responder';
import { startSenderResponder } from './sender-responder';

/*
 * An engine and a sender that answer every RPC of the contract, each with not_found: every route then gets a
 * real answer (no 503 for a missing responder), so a test walking the route table can demand "< 500" and see,
 * in `received`, exactly which requests reached a backend and whether their schemas accepted them.
 */
export async function startNotFoundBackends(namespace: string) {
  const engine = await startEngineResponder(namespace);
  const sender = await startSenderResponder(namespace);
  const notFound = { ok: false as const, error: { code: 'not_found' as const, message: 'nothing by that name' } };
  for (const name of Object.keys(engineRpc) as EngineRpcName[]) await engine.answer(name, () => notFound);
  for (const name of Object.keys(senderRpc) as SenderRpcName[]) await sender.answer(name, () => notFound);
  return {
    received: (): ReceivedRequest[] => [...engine.received, ...sender.received],
    close: async () => {
      await engine.close();
      await sender.close();
    },
  };
}

export type NotFoundBackends = Awaited<ReturnType<typeof startNotFoundBackends>>;
