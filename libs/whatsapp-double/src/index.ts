export * from './types';
export * from './addressee';
export * from './graph-error';
export * from './send-limits';
export * from './media';
export * from './cloud-api';
export * from './fake-cloud-api';
export * from './webhooks';
