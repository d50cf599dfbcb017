import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInboundWebhook, newPhone, newWamid, pollUntil, startSystem, type RunningSystem, signIn } from '../src/index';

interface MessageItem {
  id: string;
  type: string;
  text: string | null;
  media?: { id: string; kind: string; status: string; mime_type: string | null; size: number | null; failure_reason: string | null } | null;
}

/**
 * A file a student sends, through every real process: the webhook, the engine's download job, the sender
 * fetching it from the fake Cloud API into the media store, and an admin reading it through admin-api.
 */
describe('a file a student sends, seen by an admin', () => {
  let system: RunningSystem;
  let mediaDir: string;
  let api: string;
  let token: string;

  beforeAll(async () => {
    mediaDir = await mkdtemp(path.join(tmpdir(), 'system-media-'));
    system = await startSystem({ env: { MEDIA_DIR: mediaDir, MEDIA_MAX_ATTEMPTS: '2' } });
    api = system.url('admin-api');
    token = (await signIn(api)).token;
  }, 180_000);
  afterAll(async () => {
    await system?.stop();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const get = (p: string) => fetch(`${api}${p}`, { headers: { authorization: `Bearer ${token}` } });
  async function studentSendsImage(phone: string, mediaId: string, sha256: string) {
    const wamid = newWamid();
    const message = {
      from: phone,
      id: wamid,
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: 'image',
      image: { id: mediaId, mime_type: 'image/jpeg', sha256, caption: 'my homework' },
    };
    expect((await system.postWebhook(buildInboundWebhook({ messages: [message] }))).status).toBe(200);
  }
  /** The student's image in the history once its media reached `status`. */
  const imageWhen = (phone: string, status: string) =>
    pollUntil(
      async () => {
        const res = await get(`/api/admin/conversations/${phone}/messages`);
        if (res.status !== 200) return undefined;
        const { items } = (await res.json()) as { items: MessageItem[] };
        return items.find((m) => m.type === 'image' && m.media?.status === status);
      },
      { message: `the image ${status}`, timeoutMs: 30_000 },
    );

  it('is downloaded, stored and served to the admin with its type and bytes', async () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(150_000, 42)]);
    const file = system.fake.addMedia({ content, mimeType: 'image/jpeg' });
    const phone = newPhone();
    const seen = system.fake.mediaRequests.length;
    await studentSendsImage(phone, file.id, file.sha256);

    const image = await imageWhen(phone, 'stored');
    expect(image).toMatchObject({
      text: 'my homework',
      media: { id: image.id, kind: 'image', mime_type: 'image/jpeg', size: content.length, failure_reason: null },
    });
    const res = await get(`/api/admin/media/${image.media!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-length')).toBe(String(content.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(content)).toBe(true);
    // Downloaded once: one metadata answer and one download.
    expect(system.fake.mediaRequests.slice(seen).map((r) => [r.path.endsWith(`/${file.id}`) ? 'metadata' : 'download', r.outcome])).toEqual(
      [
        ['metadata', 'accepted'],
        ['download', 'accepted'],
      ],
    );
  });

  it('shows the media failed when Meta no longer has it, and serves nothing', async () => {
    const file = system.fake.addMedia({ content: Buffer.from('gone'), mimeType: 'image/jpeg' });
    system.fake.expireMedia(file.id);
    const phone = newPhone();
    await studentSendsImage(phone, file.id, file.sha256);

    const image = await imageWhen(phone, 'failed');
    expect(image.media).toMatchObject({ status: 'failed', failure_reason: 'expired', size: null });
    expect((await get(`/api/admin/media/${image.id}`)).status).toBe(404);
  });
});
