export * from './media-store';
export * from './fs-media-store';
export * from './s3-media-store';
export * from './media-store-config';
