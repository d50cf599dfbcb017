import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFsMediaStore } from './fs-media-store';
import { MediaStoreError, type MediaStore } from './media-store';

let dir: string;
let store: MediaStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'media-store-'));
  store = createFsMediaStore({ dir });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* failingBody(): AsyncIterable<Uint8Array> {
  yield Buffer.from('half a file');
  throw new Error('connection reset');
}

describe('the filesystem media store', () => {
  it('stores a stream and gives it back with its content type and size', async () => {
    const put = await store.put('wa/123', Readable.from([Buffer.from('hello '), Buffer.from('world')]), { contentType: 'image/jpeg', sha256: 'ab'.repeat(32) });
    const got = await store.get('wa/123');

    expect(put).toEqual({ size: 11 });
    expect(got).toMatchObject({ contentType: 'image/jpeg', size: 11, sha256: 'ab'.repeat(32) });
    expect(await text(got!.stream)).toBe('hello world');
  });

  it('answers undefined for a key it does not hold', async () => {
    expect(await store.get('wa/none')).toBeUndefined();
  });

  it('keeps nothing of a body that fails halfway, and leaves no temporary file', async () => {
    await expect(store.put('wa/1', failingBody(), { contentType: 'image/png' })).rejects.toThrow('connection reset');

    expect(await store.get('wa/1')).toBeUndefined();
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('keeps the existing object when a replacement fails', async () => {
    await store.put('wa/1', Readable.from([Buffer.from('first')]), { contentType: 'text/plain' });
    await expect(store.put('wa/1', failingBody(), { contentType: 'text/plain' })).rejects.toThrow();

    expect(await text((await store.get('wa/1'))!.stream)).toBe('first');
  });

  it('deletes an object, and deleting it again is not an error', async () => {
    await store.put('wa/1', Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
    await store.delete('wa/1');
    await store.delete('wa/1');

    expect(await store.get('wa/1')).toBeUndefined();
  });

  it.each(['../escape', '/etc/passwd', 'a/../../b', '', 'a//b', 'a/./b', 'with space'])('refuses the key %j', async (key) => {
    await expect(store.put(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' })).rejects.toBeInstanceOf(MediaStoreError);
    await expect(store.get(key)).rejects.toBeInstanceOf(MediaStoreError);
  });
});
