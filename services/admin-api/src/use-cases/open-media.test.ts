import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MediaStoreError, type MediaStore } from '@app/media-store';
import type { AdminUser } from '../domain/admin-user';
import { AppError } from '../domain/errors';
import { openMedia, type OpenMediaDeps } from './open-media';

const user: AdminUser = { id: 'u-1', email: 'agent@school.org', role: 'agent', displayName: null, disabledAt: null };
const MESSAGE = '0d8a0c1e-6a5e-4f7a-9d55-3f1b2c4d5e61';

const deps = (get: MediaStore['get']): OpenMediaDeps => ({
  engine: {
    getMedia: () =>
      Promise.resolve({
        message_id: MESSAGE,
        kind: 'image',
        status: 'stored',
        storage_key: `whatsapp/${MESSAGE}`,
        mime_type: 'image/jpeg',
        size: 3,
        filename: null,
      }),
  },
  mediaStore: { get },
});
const open = (get: MediaStore['get']) => openMedia(deps(get), { user, messageId: MESSAGE, correlationId: 'c-1' });

describe('openMedia', () => {
  it('answers 503 unavailable, worth a retry, while the media store cannot be reached', async () => {
    const failure = open(() => Promise.reject(new MediaStoreError('unavailable', 'S3 GetObject failed')));
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('answers not found when the store has lost the file, and passes any other failure on', async () => {
    await expect(open(() => Promise.resolve(undefined))).rejects.toMatchObject({ code: 'not_found' });
    const corrupt = new MediaStoreError('corrupt_object', 'unreadable meta');
    await expect(open(() => Promise.reject(corrupt))).rejects.toBe(corrupt);
  });

  it('streams a stored file with a safe type and disposition', async () => {
    const file = await open(() => Promise.resolve({ stream: Readable.from([Buffer.from('abc')]), contentType: 'image/jpeg', size: 3 }));
    expect({ contentType: file.contentType, size: file.size, disposition: file.disposition }).toEqual({
      contentType: 'image/jpeg',
      size: 3,
      disposition: 'inline',
    });
  });
});
