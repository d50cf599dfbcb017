import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { behavesAsAMediaStore } from '../test/media-store-behaviour';
import { createFsMediaStore } from './fs-media-store';

describe('the filesystem media store', () => {
  behavesAsAMediaStore(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'media-store-'));
    return {
      store: createFsMediaStore({ dir }),
      leftovers: () => readdir(path.join(dir, 'tmp')),
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  });
});
