import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsMediaStore, type MediaStore } from '@app/media-store';
import type { RunningAdminApi } from '../src/admin-api';
import { startEngineResponder, type EngineResponder } from './engine-responder';
import { createTestSchema, errorCodeOf, send, signedInTeacher, startTestApi, type SignedInUser, type TestSchema } from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let agent: SignedInUser;
let dir: string;
let store: MediaStore;

const IMAGE = '0d8a0c1e-6a5e-4f7a-9d55-3f1b2c4d5e61';
const DOCUMENT = '1d8a0c1e-6a5e-4f7a-9d55-3f1b2c4d5e62';
const PENDING = '2d8a0c1e-6a5e-4f7a-9d55-3f1b2c4d5e63';
const LOST = '3d8a0c1e-6a5e-4f7a-9d55-3f1b2c4d5e64';
const UNKNOWN = '4d8a0c1e-6a5e-4f7a-9d55-3f1b2c4d5e65';
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(70_000, 7)]);
const pdf = Buffer.from('%PDF-1.4 an essay');

const located = (
  message_id: string,
  kind: 'image' | 'document',
  status: 'pending' | 'stored' | 'failed',
  extra: { filename?: string } = {},
) => ({
  ok: true as const,
  data: {
    message_id,
    kind,
    status,
    storage_key: status === 'stored' ? `whatsapp/${message_id}` : null,
    mime_type: null,
    size: null,
    filename: extra.filename ?? null,
  },
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'admin-api-media-'));
  store = createFsMediaStore({ dir });
  await store.put(`whatsapp/${IMAGE}`, Readable.from([jpeg]), { contentType: 'image/jpeg' });
  await store.put(`whatsapp/${DOCUMENT}`, Readable.from([pdf]), { contentType: 'application/pdf' });
  t = await createTestSchema();
  api = await startTestApi(t.namespace, { MEDIA_DIR: dir });
  engine = await startEngineResponder(t.namespace);
  agent = await signedInTeacher(t, api);
  await engine.answer('getMedia', (r) => {
    if (r.message_id === IMAGE) return located(IMAGE, 'image', 'stored');
    if (r.message_id === DOCUMENT) return located(DOCUMENT, 'document', 'stored', { filename: '../My "essay".pdf' });
    if (r.message_id === PENDING) return located(PENDING, 'image', 'pending');
    if (r.message_id === LOST) return located(LOST, 'image', 'stored');
    return { ok: false, error: { code: 'not_found', message: 'no file with this message' } };
  });
});

afterAll(async () => {
  await engine?.close();
  await api?.stop();
  await t?.drop();
  await rm(dir, { recursive: true, force: true });
});

const media = (id: string, token = agent.token) => send(`${api.url}/api/admin/media/${id}`, { token });

describe('GET /api/admin/media/{id}', () => {
  it('streams a stored image inline with its type and length, private and inert', async () => {
    const res = await media(IMAGE);
    expect(res.status).toBe(200);
    expect(
      Object.fromEntries(
        ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'cache-control', 'content-security-policy'].map(
          (h) => [h, res.headers.get(h)],
        ),
      ),
    ).toEqual({
      'content-type': 'image/jpeg',
      'content-length': String(jpeg.length),
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(jpeg)).toBe(true);
    const request = engine.received.filter((r) => r.name === 'getMedia').at(-1);
    expect(request?.body).toEqual({ actor: { id: agent.user.id, name: 'ms.khumalo', role: 'agent' }, message_id: IMAGE });
  });

  it('offers a document as an attachment under its sanitised name', async () => {
    const res = await media(DOCUMENT);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="My essay.pdf"');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe(pdf.toString());
  });

  it.each([
    ['a message without a file', UNKNOWN, 'no file with this message'],
    ['a file not downloaded yet', PENDING, 'the file is not downloaded yet'],
    ['a file the store does not hold', LOST, 'the file is missing from the media store'],
  ])('answers 404 for %s', async (_case, id, message) => {
    const res = await media(id);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message } });
  });

  it('answers 400 for an id that is not a message id, without asking the engine', async () => {
    const before = engine.received.length;
    expect(await errorCodeOf(await media('..%2F..%2Fetc%2Fpasswd'))).toBe('invalid_request');
    expect(engine.received.length).toBe(before);
  });
});
