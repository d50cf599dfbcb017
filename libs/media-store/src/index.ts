export * from './media-store';
export * from './fs-media-store';
