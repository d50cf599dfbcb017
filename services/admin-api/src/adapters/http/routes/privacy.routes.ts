import { studentParamsSchema } from './conversations.schema';
import {
  consentResponseSchema,
  consentSettingsBodySchema,
  consentSettingsResponseSchema,
  retentionBodySchema,
  retentionResponseSchema,
  staffConsentBodySchema,
} from './privacy.schema';
import { jsonRoute, type Route } from './route-builders';
import { ADMIN_ONLY, ANY_ROLE } from './access';
import { ENGINE_ERRORS } from './route-errors';

// Privacy (issue 15): the school's consent rules and retention (admins change them, audited), a student's
// consent (everyone on the team sees it; admins record one given offline, audited). Retention is admins' only:
// its preview counts every conversation.
const TAG = 'privacy';

export const privacyRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/privacy/consent-settings',
    summary: "The school's consent rules: whether registration asks the age group, and which groups need a guardian's consent",
    tag: TAG,
    access: ANY_ROLE,
    errors: ENGINE_ERRORS,
    response: { status: 200, description: 'the rules (both off by default)', schema: consentSettingsResponseSchema },
    handle: (_input, ctx) => ctx.deps.privacy.consentSettings({ user: ctx.user(), correlationId: ctx.correlationId }),
  }),
  jsonRoute({
    method: 'put',
    path: '/api/admin/privacy/consent-settings',
    summary: 'Replace the consent rules (age groups needing consent require the age group question)',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ENGINE_ERRORS,
    request: { body: consentSettingsBodySchema },
    response: { status: 200, description: 'the rules as they are now', schema: consentSettingsResponseSchema },
    handle: ({ body }, ctx) =>
      ctx.deps.privacy.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'consent_settings', settings: body },
      }),
  }),
  jsonRoute({
    method: 'get',
    path: '/api/admin/conversations/{student}/consent',
    summary: "The student's age group and guardian consent: not_required, pending (homework uploads wait), given, or age_unknown",
    tag: TAG,
    access: ANY_ROLE,
    errors: ['not_found', ...ENGINE_ERRORS],
    request: { params: studentParamsSchema },
    response: { status: 200, description: 'the consent status and record', schema: consentResponseSchema },
    handle: ({ params }, ctx) => ctx.deps.privacy.consent({ user: ctx.user(), student: params.student, correlationId: ctx.correlationId }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/consent',
    summary: "Record a guardian's consent given outside the chat (a signed form, a call), with the evidence; replaces an earlier record",
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ['invalid_request', 'not_found', ...ENGINE_ERRORS],
    request: { params: studentParamsSchema, body: staffConsentBodySchema },
    response: { status: 200, description: 'the consent status and record as they are now', schema: consentResponseSchema },
    handle: ({ params, body }, ctx) =>
      ctx.deps.privacy.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'record_consent', student: params.student, consent: body },
      }),
  }),
  jsonRoute({
    method: 'get',
    path: '/api/admin/privacy/retention',
    summary: 'Retention of conversation histories, and what the next runs will delete (conversations, messages, media, oldest, next run)',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ENGINE_ERRORS,
    response: { status: 200, description: 'the settings (off by default) and the preview', schema: retentionResponseSchema },
    handle: (_input, ctx) => ctx.deps.privacy.retention({ user: ctx.user(), correlationId: ctx.correlationId }),
  }),
  jsonRoute({
    method: 'put',
    path: '/api/admin/privacy/retention',
    summary: 'Turn retention on or off and set its period: a conversation idle that many days loses its messages and media (7-3650 days)',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ENGINE_ERRORS,
    request: { body: retentionBodySchema },
    response: { status: 200, description: 'the settings and the preview under them', schema: retentionResponseSchema },
    handle: ({ body }, ctx) =>
      ctx.deps.privacy.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'retention', settings: body },
      }),
  }),
];
