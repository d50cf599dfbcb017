import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { assertValidKey, MediaStoreError, type MediaStore } from './media-store';

const metaSchema = z.object({ contentType: z.string().min(1), size: z.number().int().min(0), sha256: z.string().optional() });

const isMissing = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'ENOENT';

/**
 * A directory: `objects/<key>` holds the bytes, `meta/<key>.json` the content type and size, `tmp/` the
 * bodies being written. A body is streamed to tmp/ and renamed into place only once complete (rename is
 * atomic on one filesystem), so a reader never sees half a file. Several processes may share the directory
 * (a volume mounted by the sender and admin-api).
 */
export function createFsMediaStore(opts: { dir: string }): MediaStore {
  const root = path.resolve(opts.dir);
  const objectPath = (key: string) => path.join(root, 'objects', key);
  const metaPath = (key: string) => path.join(root, 'meta', `${key}.json`);
  const tmpPath = () => path.join(root, 'tmp', randomUUID());

  return {
    async put(key, body, meta) {
      assertValidKey(key);
      await mkdir(path.join(root, 'tmp'), { recursive: true });
      const dataTmp = tmpPath();
      const metaTmp = tmpPath();
      try {
        const source = body instanceof Readable ? body : Readable.from(body);
        await pipeline(source, createWriteStream(dataTmp, { flags: 'wx' }));
        const { size } = await stat(dataTmp);
        await writeFile(metaTmp, JSON.stringify({ contentType: meta.contentType, size, ...(meta.sha256 ? { sha256: meta.sha256 } : {}) }));
        await mkdir(path.dirname(objectPath(key)), { recursive: true });
        await mkdir(path.dirname(metaPath(key)), { recursive: true });
        // Meta first: an object file is only ever visible with its meta next to it.
        await rename(metaTmp, metaPath(key));
        await rename(dataTmp, objectPath(key));
        return { size };
      } finally {
        await rm(dataTmp, { force: true });
        await rm(metaTmp, { force: true });
      }
    },

    async get(key) {
      assertValidKey(key);
      let raw: string;
      try {
        raw = await readFile(metaPath(key), 'utf8');
        await stat(objectPath(key));
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      let meta: z.infer<typeof metaSchema>;
      try {
        meta = metaSchema.parse(JSON.parse(raw));
      } catch (error) {
        throw new MediaStoreError('corrupt_object', `unreadable meta of ${key}`, { cause: error });
      }
      return {
        stream: createReadStream(objectPath(key)),
        contentType: meta.contentType,
        size: meta.size,
        ...(meta.sha256 ? { sha256: meta.sha256 } : {}),
      };
    },

    async delete(key) {
      assertValidKey(key);
      // Object first: without it a leftover meta file reads as "missing".
      await rm(objectPath(key), { force: true });
      await rm(metaPath(key), { force: true });
    },
  };
}
