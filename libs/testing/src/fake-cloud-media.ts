export type { FakeMediaOptions } from '@app/whatsapp-double';
