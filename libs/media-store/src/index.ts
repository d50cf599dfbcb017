export { MediaStoreError, type MediaStore, type StoredMedia } from './media-store';
export { createFsMediaStore } from './fs-media-store';
export { createS3MediaStore } from './s3-media-store';
export { createMediaStore, mediaStoreFields } from './media-store-config';
