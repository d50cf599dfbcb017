import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import { createMediaStore } from '@app/media-store';
import { jetStreamClient, type NatsConnection } from '@app/messaging';
import type { Registry } from 'prom-client';
import { createCloudApiClient } from './adapters/cloud-api/cloud-api.client';
import type { HttpRequest } from './adapters/cloud-api/graph-http';
import { createMediaApiClient } from './adapters/cloud-api/media-api.client';
import { createSenderMetrics } from './adapters/metrics';
import { createDeliveryPublisher } from './adapters/nats/delivery.publisher';
import type { SenderRpcHandlers } from './adapters/nats/sender-rpc.responder';
import { createDeadLetterQueue } from './adapters/queue/dead-letter.queue';
import { createSendingControl } from './adapters/queue/sending-control';
import { createMediaAttemptsStore } from './adapters/redis/media-attempts.store';
import { createRedisSendStateStore } from './adapters/redis/send-state.store';
import type { SenderConfig } from './config';
import { getQueueStatus } from './use-cases/get-queue-status';
import { listDeadLetters } from './use-cases/list-dead-letters';
import { ok } from './use-cases/rpc-result';
import { resumeSending } from './use-cases/resume-sending';
import { retryDeadLetter } from './use-cases/retry-dead-letter';
import type { DownloadMediaDeps, SendMessageDeps } from './use-cases/ports';

export interface SenderClients {
  nc: NatsConnection;
  redis: Redis;
  outbound: Queue;
  media: Queue;
  registry: Registry;
  names: Topology;
  /** Requests to the Graph API (Cloud API calls, media). */
  http: HttpRequest;
}

/** The use cases' dependencies, built once from config and clients. */
export function composeSender(config: Readonly<SenderConfig>, clients: SenderClients, log: Logger) {
  const { redis, names } = clients;
  const control = createSendingControl({ redis, outbound: clients.outbound, media: clients.media, namespace: config.NAMESPACE });
  const metrics = createSenderMetrics(clients.registry, () => control.pauseState());
  const publisher = createDeliveryPublisher(jetStreamClient(clients.nc), names);
  const store = createRedisSendStateStore(redis, config.NAMESPACE, log);
  const common = { publisher, control, metrics, now: () => new Date(), random: Math.random };

  const send: SendMessageDeps = {
    ...common,
    store,
    cloudApi: createCloudApiClient({
      baseUrl: config.WHATSAPP_API_BASE_URL,
      apiVersion: config.WHATSAPP_API_VERSION,
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: config.WHATSAPP_ACCESS_TOKEN,
      timeoutMs: config.SENDER_HTTP_TIMEOUT_MS,
      observe: metrics.observeCloudApi,
      http: clients.http,
    }),
    policy: {
      maxAttempts: config.SENDER_MAX_ATTEMPTS,
      backoffBaseMs: config.SENDER_BACKOFF_MS,
      pairBackoffBaseMs: config.SENDER_PAIR_BACKOFF_MS,
    },
  };
  const media: DownloadMediaDeps = {
    ...common,
    mediaApi: createMediaApiClient({
      baseUrl: config.WHATSAPP_API_BASE_URL,
      apiVersion: config.WHATSAPP_API_VERSION,
      accessToken: config.WHATSAPP_ACCESS_TOKEN,
      timeoutMs: config.MEDIA_HTTP_TIMEOUT_MS,
      http: clients.http,
    }),
    mediaStore: createMediaStore(config),
    attempts: createMediaAttemptsStore(redis, config.NAMESPACE),
    policy: { maxAttempts: config.MEDIA_MAX_ATTEMPTS, backoffBaseMs: config.SENDER_BACKOFF_MS, maxBytes: config.MEDIA_MAX_BYTES },
  };
  const deadLetters = createDeadLetterQueue(clients.outbound);
  const rpc: SenderRpcHandlers = {
    listDeadLetters: (request) => listDeadLetters({ deadLetters, store }, { limit: request.limit, cursor: request.cursor }),
    retryDeadLetter: (request, { log: rpcLog }) =>
      retryDeadLetter({ deadLetters, store }, { messageId: request.message_id, actor: request.actor.id, log: rpcLog }),
    resume: async (request, { log: rpcLog }) => ok(await resumeSending({ control }, { by: 'admin', actor: request.actor.id, log: rpcLog })),
    status: async () => ok(await getQueueStatus({ control })),
  };
  return { send, media, rpc };
}
