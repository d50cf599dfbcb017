export * from './config';
export * from './fake-cloud-api';
export * from './fake-cloud-media';
export * from './webhook-builders';
export * from './poll';
export * from './tcp-proxy';
export * from './system';
export * from './sse-client';
