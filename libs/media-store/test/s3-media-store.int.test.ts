import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CreateBucketCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createMediaStore, createS3MediaStore, mediaStoreFields } from '@app/media-store';
import { behavesAsAMediaStore } from './media-store-behaviour';

/*
 * A real S3-protocol server (s3rver) on loopback, in this process: the SDK's requests are signed, sent and
 * answered as they would be by S3, MinIO or R2. s3rver checks signatures against its fixed test key.
 */
let dir: string;
let server: S3rver;
let endpoint: string;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
let client: S3Client;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, directory: dir, silent: true });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
});
afterAll(async () => {
  client?.destroy();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function newBucket(): Promise<string> {
  const bucket = `test-${randomUUID()}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

async function keysIn(bucket: string): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '');
}

describe('the S3 media store', () => {
  behavesAsAMediaStore(async () => {
    const bucket = await newBucket();
    return { store: createS3MediaStore({ client, bucket, prefix: 'media' }), leftovers: () => keysIn(bucket), dispose: async () => {} };
  });

  it('keeps objects under its prefix, with the content type and sha256 on the object itself', async () => {
    const bucket = await newBucket();
    const store = createS3MediaStore({ client, bucket, prefix: '/school-a/media/' });
    await store.put('wa/1', Readable.from([Buffer.from('pdf')]), { contentType: 'application/pdf', sha256: 'cd'.repeat(32) });

    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'school-a/media/wa/1' }));
    expect(await keysIn(bucket)).toEqual(['school-a/media/wa/1']);
    expect(head).toMatchObject({ ContentType: 'application/pdf', ContentLength: 3, Metadata: { sha256: 'cd'.repeat(32) } });
  });

  it('reports a bucket that does not exist as unavailable, not as a missing object', async () => {
    const store = createS3MediaStore({ client, bucket: `missing-${randomUUID()}` });

    await expect(store.get('wa/1')).rejects.toMatchObject({
      name: 'MediaStoreError',
      code: 'unavailable',
      cause: { name: 'NoSuchBucket' },
    });
    await expect(store.put('wa/1', Readable.from([Buffer.from('x')]), { contentType: 'text/plain' })).rejects.toMatchObject({
      code: 'unavailable',
    });
  });

  it('refuses a prefix that is not a valid key', () => {
    expect(() => createS3MediaStore({ client, bucket: 'any-bucket', prefix: '../other' })).toThrow(/invalid media key prefix/);
  });

  describe('built by createMediaStore from the configuration', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('talks to the configured endpoint and bucket, with credentials from the environment', async () => {
      vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
      const bucket = await newBucket();
      const env = { MEDIA_STORE: 's3', S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_FORCE_PATH_STYLE: 'true', S3_PREFIX: 'tenant-a' };
      const store = createMediaStore(z.object(mediaStoreFields(env)).parse(env));

      await store.put('wa/7', Readable.from([Buffer.from('voice note')]), { contentType: 'audio/ogg' });

      const got = await store.get('wa/7');
      expect(await keysIn(bucket)).toEqual(['tenant-a/wa/7']);
      expect(got).toMatchObject({ contentType: 'audio/ogg', size: 10 });
      expect(await text(got!.stream)).toBe('voice note');
    });
  });
});
