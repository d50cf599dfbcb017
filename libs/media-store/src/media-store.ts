import type { Readable } from 'node:stream';

interface MediaObjectMeta {
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
 * Where inbound media files live (written by whatsapp-sender, read by admin-api): a directory
 * (createFsMediaStore) or an S3-compatible bucket (createS3MediaStore), both held to the same contract.
 * Keys are relative paths of letters, digits, `_`, `-` and `.` segments. A put is all or nothing: a body that
 * fails or is aborted halfway (too large, wrong checksum) leaves no object behind, does not replace an
 * existing one, and its error is the one put rejects with. The content type and sha256 given to put come
 * back from get, with the size.
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
    /** invalid_key is the caller's mistake; corrupt_object and unavailable are the store's (retry later). */
    readonly code: 'invalid_key' | 'corrupt_object' | 'unavailable',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/** False for keys that could leave the store's root (`..`, absolute paths) or that are not portable to S3. */
export function isValidKey(key: string): boolean {
  const segments = key.split('/');
  return key.length > 0 && key.length <= 512 && segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..' && !s.endsWith('.'));
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw new MediaStoreError('invalid_key', `invalid media key: ${JSON.stringify(key.slice(0, 80))}`);
}
