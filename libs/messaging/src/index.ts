export { connectNats, pingNats } from './connection';
export {
  engineConsumerTopologies,
  ensureConsumerTopology,
  ensurePullConsumer,
  ensureStream,
  manager,
  streamSpecs,
  type ConsumerTopology,
  type StreamSpec,
} from './topology';
export { jetStreamClient, PayloadTooLargeError, publishEvent } from './publish';
export { startBatchLoop, type BatchHandler, type BatchLoop, type Disposition } from './batch-loop';
export type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
export type { NatsConnection } from '@nats-io/transport-node';
export { createConsumerHealth, type ConsumerHealth } from './consumer-health';
export { watchStream } from './stream-watch';
export {
  serveRpc,
  type RpcContext,
  type RpcHandlers,
  type RpcMethod,
  type RpcRefusal,
  type RpcServer,
  type RpcServerLogs,
  type ServeRpcOptions,
} from './rpc/rpc-server';
export type { RpcLimits } from './rpc/admission';
export { createRpcClient, unavailableReason, type RpcCallSpec, type RpcPeer, type RpcUnavailable } from './rpc/rpc-client';
