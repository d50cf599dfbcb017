import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { describeIssues, studentIdSchema, waIdSchema } from '@app/contracts';
import type { CloudApiDouble } from '@app/whatsapp-double';
import type { Student } from '../../domain/chat';
import { studentReads, studentSends } from '../../use-cases/phone';
import type { PhoneDeps } from '../../use-cases/ports';
import { saveStudent } from '../../use-cases/save-student';
import type { PhoneEvents } from './phone-events';

/** WhatsApp usernames: letters, digits, '.' and '_', with at least one letter (kept as typed, '@' dropped). */
const usernameSchema = z
  .string()
  .trim()
  .transform((u) => u.replace(/^@/, ''))
  .pipe(z.string().regex(/^(?=.*[A-Za-z])[A-Za-z0-9._]{3,35}$/, 'a username is 3-35 letters, digits, dots or underscores, with a letter'));
/** A phone student (as before), or a username-only student, who withholds their number (a profile name is then optional). */
const studentBody = z
  .object({ wa_id: waIdSchema.optional(), name: z.string().trim().min(1).max(60).optional(), username: usernameSchema.optional() })
  .refine((b) => b.wa_id !== undefined || b.username !== undefined, {
    message: 'a student has a phone number or a username',
    path: ['wa_id'],
  })
  .refine((b) => b.name !== undefined || b.username !== undefined, {
    message: 'a student without a username needs a profile name',
    path: ['name'],
  });
const textBody = z.object({
  text: z
    .string()
    .min(1)
    .max(4096)
    .refine((t) => t.trim() !== '', 'must not be blank'),
  reply_to: z.string().max(256).optional(),
});
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

/** The phone page's API: students, what they send, what they have read, and a live stream of their chat. */
export function phoneRoutes(deps: PhoneDeps, events: PhoneEvents, api: Pick<CloudApiDouble, 'addMedia' | 'mediaContent'>): Router {
  const router = express.Router();
  const json = express.json({ limit: '64kb' });

  /** `:student` is the student's phone digits or their business-scoped user id. */
  const studentOf = (req: Request, res: Response): Student | undefined => {
    const id = studentIdSchema.safeParse(req.params.student);
    const student = id.success ? deps.store.student(id.data) : undefined;
    if (!id.success) fail(res, 400, 'invalid_student', 'a student is named by their phone digits (6-20) or their business-scoped user id');
    else if (!student) fail(res, 404, 'unknown_student', 'add the student first');
    return student;
  };

  router.get('/phone/api/events', (req, res) => events.handle(req, res));
  router.get('/phone/api/students', (_req, res) => {
    res.json({ items: deps.store.students() });
  });
  router.post('/phone/api/students', json, (req, res) => {
    const parsed = studentBody.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, 'invalid_request', describeIssues(parsed.error, 'body'));
    const { wa_id: waId, name, username } = parsed.data;
    const saved = saveStudent(deps, { waId, name, username });
    if (!saved.ok) return fail(res, 409, saved.code, saved.message);
    res.status(201).json(saved.student);
  });
  router.post('/phone/api/students/:student/messages', json, (req, res) => {
    const student = studentOf(req, res);
    if (!student) return;
    const parsed = textBody.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, 'invalid_request', describeIssues(parsed.error, 'body'));
    res.status(202).json(studentSends(deps, student, { type: 'text', text: parsed.data.text }, parsed.data.reply_to).bubble);
  });
  router.post('/phone/api/students/:student/replies', json, (req, res) => {
    const student = studentOf(req, res);
    if (!student) return;
    const parsed = replyBody.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, 'invalid_request', describeIssues(parsed.error, 'body'));
    const { kind, id, title, description, reply_to } = parsed.data;
    const content = { type: 'reply' as const, kind, id, title, ...(description ? { description } : {}) };
    res.status(202).json(studentSends(deps, student, content, reply_to).bubble);
  });
  router.post('/phone/api/students/:student/media', express.raw({ type: () => true, limit: MAX_UPLOAD }), (req, res) => {
    const student = studentOf(req, res);
    if (!student) return;
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) return fail(res, 400, 'invalid_request', 'send the file as the request body');
    const mimeType = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
    const filename = decodeURIComponent(String(req.headers['x-filename'] ?? 'file')).slice(0, 240);
    const caption = req.headers['x-caption'] ? decodeURIComponent(String(req.headers['x-caption'])).slice(0, 1024) : undefined;
    const file = api.addMedia({ content: req.body, mimeType });
    const kind = PHOTO_TYPES.includes(mimeType) ? ('image' as const) : ('document' as const);
    const content = {
      type: 'media' as const,
      kind,
      mediaId: file.id,
      mimeType,
      sha256: file.sha256,
      ...(kind === 'document' ? { filename } : {}),
      ...(caption ? { caption } : {}),
    };
    res.status(202).json(studentSends(deps, student, content).bubble);
  });
  router.post('/phone/api/students/:student/read', (req, res) => {
    const student = studentOf(req, res);
    if (!student) return;
    res.json({ read: studentReads(deps, student) });
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
