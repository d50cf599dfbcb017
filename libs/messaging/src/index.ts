export * from './connection';
export * from './topology';
export * from './publish';
export * from './batch-loop';
export type { JetStreamClient, JsMsg, JetStreamManager } from '@nats-io/jetstream';
export type { NatsConnection, MsgHdrs } from '@nats-io/transport-node';
export * from './consumer-health';
export * from './stream-watch';
