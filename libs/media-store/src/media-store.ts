import type { Readable } from 'node:stream';

export interface MediaObjectMeta {
  contentType: string;
  /** Lowercase hex SHA-256 of the bytes, when the writer knows it. */
  sha256?: string;
}

export interface StoredMedia {
  stream: Readable;
  contentType: string;
  size: number;
  sha256?: string;
}

/**
 * Where inbound media files live (written by whatsapp-sender, read by admin-api). Keys are relative paths of
 * letters, digits, `_`, `-` and `.` segments. A put is all or nothing: a body that fails or is aborted
 * halfway (too large, wrong checksum) leaves no object behind and does not replace an existing one.
 */
export interface MediaStore {
  put(key: string, body: Readable | AsyncIterable<Uint8Array>, meta: MediaObjectMeta): Promise<{ size: number }>;
  /** undefined when there is no such object. */
  get(key: string): Promise<StoredMedia | undefined>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export class MediaStoreError extends Error {
  override name = 'MediaStoreError';
  constructor(
    readonly code: 'invalid_key' | 'corrupt_object',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/** Refuses keys that could leave the store's root (`..`, absolute paths) or that are not portable to S3. */
export function assertValidKey(key: string): void {
  const segments = key.split('/');
  const valid = key.length > 0 && key.length <= 512 && segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..' && !s.endsWith('.'));
  if (!valid) throw new MediaStoreError('invalid_key', `invalid media key: ${JSON.stringify(key.slice(0, 80))}`);
}
