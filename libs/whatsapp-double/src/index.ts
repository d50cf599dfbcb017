export type { RecordedRequest, ScriptedResponse } from './types';
export { addresseeOf } from './addressee';
export type { FakeMediaApi, FakeMediaFile, FakeMediaOptions } from './media';
export { mountCloudApi, type CloudApiDouble, type FakeCloudApi } from './cloud-api';
export { startFakeCloudApi } from './fake-cloud-api';
export {
  buildStatus,
  buildWebhook,
  messageSenderFields,
  newBusinessScopedUserId,
  newInboundWamid,
  postSignedWebhook,
  pricingOf,
  unixSeconds,
  type BusinessNumber,
  type StatusValue,
  type WebhookContact,
} from './webhooks';
