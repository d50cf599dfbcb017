import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { waIdSchema } from '@app/contracts';
import type { CloudApiDouble } from '@app/whatsapp-double';
import { saveStudent, studentReads, studentSends, type PhoneDeps } from '../../use-cases/phone';
import type { PhoneEvents } from './phone-events';

const studentBody = z.object({ wa_id: waIdSchema, name: z.string().trim().min(1).max(60) });
const textBody = z.object({ text: z.string().min(1).max(4096).refine((t) => t.trim() !== '', 'must not be blank'), reply_to: z.string().max(256).optional() });
const replyBody = z.object({
  kind: z.enum(['button_reply', 'list_reply']),
  id: z.string().min(1).max(256),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
  reply_to: z.string().min(1).max(256),
});
/** WhatsApp shows JPEG and PNG as photos; anything else a student attaches travels as a document. */
const PHOTO_TYPES = ['image/jpeg', 'image/png'];
const MAX_UPLOAD = 16 * 1024 * 1024;

const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });
const problems = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

/** The phone page's API: students, what they send, what they have read, and a live stream of their chat. */
export function phoneRoutes(deps: PhoneDeps, events: PhoneEvents, api: Pick<CloudApiDouble, 'addMedia' | 'mediaContent'>): Router {
  const router = express.Router();
  const json = express.json({ limit: '64kb' });

  const studentOf = (req: Request, res: Response): string | undefined => {
    const waId = waIdSchema.safeParse(req.params.waId);
    if (!waId.success) fail(res, 400, 'invalid_student', 'a WhatsApp id is 6-20 digits');
    else if (!deps.store.student(waId.data)) fail(res, 404, 'unknown_student', 'add the student first');
    else return waId.data;
    return undefined;
  };

  router.get('/phone/api/events', (req, res) => events.handle(req, res));
  router.get('/phone/api/students', (_req, res) => {
    res.json({ items: deps.store.students() });
  });
  router.post('/phone/api/students', json, (req, res) => {
    const parsed = studentBody.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, 'invalid_request', problems(parsed.error));
    res.status(201).json(saveStudent(deps, { waId: parsed.data.wa_id, name: parsed.data.name }));
  });
  router.post('/phone/api/students/:waId/messages', json, (req, res) => {
    const waId = studentOf(req, res);
    if (!waId) return;
    const parsed = textBody.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, 'invalid_request', problems(parsed.error));
    res.status(202).json(studentSends(deps, waId, { type: 'text', text: parsed.data.text }, parsed.data.reply_to).bubble);
  });
  router.post('/phone/api/students/:waId/replies', json, (req, res) => {
    const waId = studentOf(req, res);
    if (!waId) return;
    const parsed = replyBody.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, 'invalid_request', problems(parsed.error));
    const { kind, id, title, description, reply_to } = parsed.data;
    const content = { type: 'reply' as const, kind, id, title, ...(description ? { description } : {}) };
    res.status(202).json(studentSends(deps, waId, content, reply_to).bubble);
  });
  router.post('/phone/api/students/:waId/media', express.raw({ type: () => true, limit: MAX_UPLOAD }), (req, res) => {
    const waId = studentOf(req, res);
    if (!waId) return;
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) return fail(res, 400, 'invalid_request', 'send the file as the request body');
    const mimeType = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
    const filename = decodeURIComponent(String(req.headers['x-filename'] ?? 'file')).slice(0, 240);
    const caption = req.headers['x-caption'] ? decodeURIComponent(String(req.headers['x-caption'])).slice(0, 1024) : undefined;
    const file = api.addMedia({ content: req.body, mimeType });
    const kind = PHOTO_TYPES.includes(mimeType) ? ('image' as const) : ('document' as const);
    const content = { type: 'media' as const, kind, mediaId: file.id, mimeType, sha256: file.sha256, ...(kind === 'document' ? { filename } : {}), ...(caption ? { caption } : {}) };
    res.status(202).json(studentSends(deps, waId, content).bubble);
  });
  router.post('/phone/api/students/:waId/read', (req, res) => {
    const waId = studentOf(req, res);
    if (!waId) return;
    res.json({ read: studentReads(deps, waId) });
  });
  // The page shows media from the chat. Only photos are shown inline; anything else is a download, and
  // nothing a student uploaded may run as a page of this origin.
  router.get('/phone/media/:id', (req, res) => {
    const file = api.mediaContent(String(req.params.id));
    if (!file) return fail(res, 404, 'not_found', 'no such media');
    res.set({
      'content-type': file.mimeType,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': PHOTO_TYPES.includes(file.mimeType) ? 'inline' : 'attachment',
    });
    res.send(file.content);
  });
  return router;
}
