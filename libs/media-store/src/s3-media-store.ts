import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { assertValidKey, isValidKey, MediaStoreError, type MediaStore } from './media-store';

export interface S3MediaStoreOptions {
  /** A client, or the settings to build one (credentials then come from the SDK's default chain). */
  client: S3Client | S3ClientConfig;
  bucket: string;
  /** Prepended to every key (`media` -> `media/<key>`), so one bucket can hold several deployments. */
  prefix?: string;
}

/** A missing key reads as "no object"; a missing bucket is a misconfiguration and stays an error. */
const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  error.name !== 'NoSuchBucket' &&
  (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/**
 * One object per key in an S3-compatible bucket: the bytes, the content type as the object's Content-Type,
 * and the sha256 as user metadata (`x-amz-meta-sha256`). The body is read whole into memory before one
 * PutObject: S3 makes an object visible only once its whole body arrived, and a body that fails while being
 * read never reaches S3 at all, so nothing half-written is ever visible or replaces an older object. Callers
 * cap media (MEDIA_MAX_BYTES, 16 MiB by default) before it gets here; that is also the memory a put holds.
 */
export function createS3MediaStore(opts: S3MediaStoreOptions): MediaStore {
  const client = opts.client instanceof S3Client ? opts.client : new S3Client(opts.client);
  const prefix = (opts.prefix ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix !== '' && !isValidKey(prefix))
    throw new MediaStoreError('invalid_key', `invalid media key prefix: ${JSON.stringify(prefix.slice(0, 80))}`);
  const Bucket = opts.bucket;
  const objectKey = (key: string) => {
    assertValidKey(key);
    return prefix === '' ? key : `${prefix}/${key}`;
  };
  /** SDK failures carry the operation and key; the SDK error (status, request id, never credentials) is the cause. */
  const unavailable = (operation: string, key: string, error: unknown) =>
    new MediaStoreError('unavailable', `S3 ${operation} of ${key} in bucket ${Bucket} failed`, { cause: error });

  return {
    async put(key, body, meta) {
      const Key = objectKey(key);
      const bytes = await buffer(body instanceof Readable ? body : Readable.from(body));
      try {
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key,
            Body: bytes,
            ContentLength: bytes.length,
            ContentType: meta.contentType,
            ...(meta.sha256 ? { Metadata: { sha256: meta.sha256 } } : {}),
          }),
        );
      } catch (error) {
        throw unavailable('PutObject', key, error);
      }
      return { size: bytes.length };
    },

    async get(key) {
      const Key = objectKey(key);
      let object;
      try {
        object = await client.send(new GetObjectCommand({ Bucket, Key }));
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw unavailable('GetObject', key, error);
      }
      const { Body, ContentType, ContentLength, Metadata } = object;
      if (!(Body instanceof Readable) || !ContentType || ContentLength === undefined) {
        if (Body instanceof Readable) Body.destroy();
        throw new MediaStoreError('corrupt_object', `S3 object ${key} has no body, content type or length`);
      }
      const sha256 = Metadata?.sha256;
      return { stream: Body, contentType: ContentType, size: ContentLength, ...(sha256 ? { sha256 } : {}) };
    },

    async delete(key) {
      const Key = objectKey(key);
      try {
        // S3 answers 204 for a missing key; some compatible servers answer 404, which is the same outcome.
        await client.send(new DeleteObjectCommand({ Bucket, Key }));
      } catch (error) {
        if (!isMissing(error)) throw unavailable('DeleteObject', key, error);
      }
    },
  };
}
