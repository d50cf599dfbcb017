export { newNamespace, testInfra } from './config';
export { startFakeCloudApi, type FakeCloudApi, type RecordedRequest, type ScriptedResponse } from './fake-cloud-api';
export type { FakeMediaOptions } from './fake-cloud-media';
export {
  buildButtonReply,
  buildCoexistenceWebhook,
  buildIdentityChange,
  buildInboundWebhook,
  buildListReply,
  buildMessageEcho,
  buildStatus,
  buildTextMessage,
  newBsuid,
  newPhone,
  newWamid,
  postWebhook,
  sender,
  signPayload,
} from './webhook-builders';
export { pollUntil } from './poll';
export { startTcpProxy, type TcpProxy } from './tcp-proxy';
export { namespacedSchemas, startSystem, SYSTEM_APP_SECRET, type RunningSystem } from './system';
export { openEventStream, type EventStream, type SseFrame } from './sse-client';
export { signIn, SYSTEM_ADMIN, type AdminSession } from './admin-session';
