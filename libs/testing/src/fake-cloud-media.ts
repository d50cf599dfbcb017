export type { FakeMediaApi, FakeMediaFile, FakeMediaOptions } from '@app/whatsapp-double';
