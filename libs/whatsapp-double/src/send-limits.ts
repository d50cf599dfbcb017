import { bsuidSchema, WHATSAPP_LIMITS as L } from '@app/contracts';
import { parameterError } from './graph-error';
import { checkInteractive } from './interactive-limits';
import { checkObject, checkText, firstProblem, isObject, type Problem } from './payload-checks';

const MEDIA_TYPES = ['image', 'document', 'audio', 'video', 'sticker'] as const;
const CAPTIONED = ['image', 'document', 'video'];
const TYPES = ['text', 'interactive', 'template', ...MEDIA_TYPES, 'location', 'contacts', 'reaction'];

function checkMedia(type: string, media: unknown): Problem {
  const missing = checkObject(media, type);
  if (missing) return missing;
  const value = media as Record<string, unknown>;
  if ((value.id === undefined) === (value.link === undefined)) {
    return value.id === undefined
      ? parameterError(131008, `Parameter ${type}['id'] or ${type}['link'] is required.`)
      : parameterError(100, `Param ${type} must have either id or link, not both.`);
  }
  if (value.link !== undefined && (typeof value.link !== 'string' || !URL.canParse(value.link))) {
    return parameterError(131009, `Param ${type}['link'] must be a valid URL.`);
  }
  if (value.id !== undefined && (typeof value.id !== 'string' || value.id === ''))
    return parameterError(100, `Param ${type}['id'] must be a string.`);
  if (value.caption !== undefined && !CAPTIONED.includes(type))
    return parameterError(100, `Param ${type}['caption'] is not allowed for ${type}.`);
  return firstProblem(
    () => checkText(value.caption, `${type}['caption']`, { max: L.caption, required: false }),
    () => checkText(value.filename, `${type}['filename']`, { max: 240, required: false }),
  );
}

function checkTemplate(template: unknown): Problem {
  const missing = checkObject(template, 'template');
  if (missing) return missing;
  const value = template as Record<string, unknown>;
  return firstProblem(
    () => checkText(value.name, "template['name']", { max: 512, required: true }),
    () => checkObject(value.language, "template['language']"),
    () => checkText((value.language as Record<string, unknown>).code, "template['language']['code']", { max: 15, required: true }),
    () =>
      value.components === undefined || Array.isArray(value.components)
        ? undefined
        : parameterError(100, "Param template['components'] must be an array."),
  );
}

function checkContent(type: string, body: Record<string, unknown>): Problem {
  const content = body[type];
  switch (type) {
    case 'text':
      return (
        checkObject(content, 'text') ??
        checkText((content as Record<string, unknown>).body, "text['body']", { max: L.textBody, required: true, limitCode: 100 }) ??
        (isObject(content) && content.preview_url !== undefined && typeof content.preview_url !== 'boolean'
          ? parameterError(100, "Param text['preview_url'] must be a boolean.")
          : undefined)
      );
    case 'interactive':
      return checkInteractive(content);
    case 'template':
      return checkTemplate(content);
    case 'reaction':
      return (
        checkObject(content, 'reaction') ??
        checkText((content as Record<string, unknown>).message_id, "reaction['message_id']", { max: 256, required: true })
      );
    case 'location':
    case 'contacts':
      return content === undefined ? parameterError(131008, `Parameter ${type} is required.`) : undefined;
    default:
      return checkMedia(type, content);
  }
}

/**
 * Who a send goes to: `to` (a phone number) or, for a user known by their business-scoped user id (2026), the
 * top-level `recipient`. With both, Meta sends to the phone; with neither, it refuses the send.
 */
function checkRecipient(body: Record<string, unknown>): Problem {
  if (body.to === undefined && body.recipient === undefined) return parameterError(131008, 'Parameter to (or recipient) is required.');
  if (body.to !== undefined) return checkText(body.to, 'to', { max: 64, required: true, limitCode: 100 });
  return typeof body.recipient === 'string' && bsuidSchema.safeParse(body.recipient).success
    ? undefined
    : parameterError(100, 'Param recipient must be a business-scoped user id: a country code, a dot, then letters or digits.');
}

/** Meta's mark-as-read body: `status: "read"`, the message's wamid, an optional typing indicator, no recipient. */
function checkRead(body: Record<string, unknown>): Problem {
  const indicator = body.typing_indicator;
  return firstProblem(
    () => checkText(body.message_id, 'message_id', { max: 256, required: true }),
    () => (body.to === undefined ? undefined : parameterError(100, 'Param to is not allowed when marking a message as read.')),
    () =>
      body.recipient === undefined ? undefined : parameterError(100, 'Param recipient is not allowed when marking a message as read.'),
    () =>
      indicator === undefined || (isObject(indicator) && indicator.type === 'text')
        ? undefined
        : parameterError(100, "Param typing_indicator['type'] must be text."),
  );
}

/**
 * What Meta refuses in a POST to /{phone_number_id}/messages, with its codes: 100 for a malformed envelope or
 * an over-long text body, 131008 for a missing parameter, 131009 for a value outside WhatsApp's limits (too
 * many buttons or rows, titles too long, duplicate ids, a second section without a title...). Undefined
 * when Meta would accept it.
 */
export function checkMessagesRequest(body: Record<string, unknown>): Problem {
  if (body.messaging_product !== 'whatsapp') {
    return body.messaging_product === undefined
      ? parameterError(100, 'The parameter messaging_product is required.')
      : parameterError(100, 'Param messaging_product must be whatsapp.');
  }
  if (body.status !== undefined) return body.status === 'read' ? checkRead(body) : parameterError(100, 'Param status must be read.');
  // Meta defaults a missing type to text.
  const type = body.type ?? 'text';
  return firstProblem(
    () => checkRecipient(body),
    () =>
      body.recipient_type === undefined || body.recipient_type === 'individual'
        ? undefined
        : parameterError(100, 'Param recipient_type must be individual.'),
    () =>
      typeof type === 'string' && TYPES.includes(type)
        ? undefined
        : parameterError(100, `Param type must be one of {${TYPES.join(', ')}}.`),
    () => checkText(body.biz_opaque_callback_data, 'biz_opaque_callback_data', { max: L.bizOpaqueCallbackData, required: false }),
    () =>
      body.context === undefined
        ? undefined
        : (checkObject(body.context, 'context') ??
          checkText((body.context as Record<string, unknown>).message_id, "context['message_id']", { max: 256, required: true })),
    () => checkContent(type as string, body),
  );
}
