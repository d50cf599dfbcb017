import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MediaStoreError, type MediaStore } from '@app/media-store';

export interface StoreUnderTest {
  store: MediaStore;
  /** Whatever a failed put could have left in the backing storage: temporary files, stray objects. */
  leftovers(): Promise<string[]>;
  dispose(): Promise<void>;
}

async function* failingBody(): AsyncIterable<Uint8Array> {
  yield Buffer.from('half a file');
  throw new Error('connection reset');
}

const body = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));

/**
 * The MediaStore contract, one set of expectations for every store: call inside a describe, with a fresh,
 * empty store per test.
 */
export function behavesAsAMediaStore(open: () => Promise<StoreUnderTest>): void {
  let subject: StoreUnderTest;
  let store: MediaStore;

  beforeEach(async () => {
    subject = await open();
    store = subject.store;
  });
  afterEach(async () => {
    await subject.dispose();
  });

  it('stores a stream and gives it back with its content type, size and sha256', async () => {
    const put = await store.put('wa/123', body('hello ', 'world'), { contentType: 'image/jpeg', sha256: 'ab'.repeat(32) });
    const got = await store.get('wa/123');

    expect(put).toEqual({ size: 11 });
    expect(got).toMatchObject({ contentType: 'image/jpeg', size: 11, sha256: 'ab'.repeat(32) });
    expect(await text(got!.stream)).toBe('hello world');
  });

  it('gives back no sha256 when the writer did not know it', async () => {
    await store.put('wa/1', body('x'), { contentType: 'application/pdf' });
    const got = await store.get('wa/1');

    expect(got).toMatchObject({ contentType: 'application/pdf', size: 1 });
    expect(got!.sha256).toBeUndefined();
    got!.stream.destroy();
  });

  it('answers undefined for a key it does not hold', async () => {
    expect(await store.get('wa/none')).toBeUndefined();
  });

  it('keeps nothing of a body that fails halfway, rejecting with the body error', async () => {
    await expect(store.put('wa/1', failingBody(), { contentType: 'image/png' })).rejects.toThrow('connection reset');

    expect(await store.get('wa/1')).toBeUndefined();
    expect(await subject.leftovers()).toEqual([]);
  });

  it('keeps the existing object when a replacement fails', async () => {
    await store.put('wa/1', body('first'), { contentType: 'text/plain' });
    await expect(store.put('wa/1', failingBody(), { contentType: 'text/plain' })).rejects.toThrow('connection reset');

    expect(await text((await store.get('wa/1'))!.stream)).toBe('first');
  });

  it('replaces an object with a complete new body', async () => {
    await store.put('wa/1', body('first'), { contentType: 'text/plain' });
    await store.put('wa/1', body('second!'), { contentType: 'image/webp' });
    const got = await store.get('wa/1');

    expect(got).toMatchObject({ contentType: 'image/webp', size: 7 });
    expect(await text(got!.stream)).toBe('second!');
  });

  it('deletes an object, and deleting it again is not an error', async () => {
    await store.put('wa/1', body('x'), { contentType: 'text/plain' });
    await store.delete('wa/1');
    await store.delete('wa/1');

    expect(await store.get('wa/1')).toBeUndefined();
  });

  it.each(['../escape', '/etc/passwd', 'a/../../b', '', 'a//b', 'a/./b', 'with space'])('refuses the key %j', async (key) => {
    await expect(store.put(key, body('x'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(MediaStoreError);
    await expect(store.get(key)).rejects.toBeInstanceOf(MediaStoreError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(MediaStoreError);
  });
}
