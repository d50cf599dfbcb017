import type { BusinessContent, Choice } from './chat';

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const optional = <K extends string>(key: K, value: string | undefined) =>
  value === undefined ? {} : ({ [key]: value } as Record<K, string>);

const choice = (value: unknown): Choice => {
  const row = obj(value);
  return { id: str(row.id) ?? '', title: str(row.title) ?? '', ...optional('description', str(row.description)) };
};

/**
 * What a phone shows for a send the Cloud API accepted (the body already passed the double's checks, so the
 * shapes hold; anything unexpected degrades to a summary rather than failing).
 */
export function businessContent(body: Json): BusinessContent {
  const type = str(body.type) ?? 'text';
  const content = obj(body[type]);
  switch (type) {
    case 'text':
      return { type: 'text', text: str(content.body) ?? '' };
    case 'interactive': {
      const frame = {
        ...optional('header', str(obj(content.header).text)),
        body: str(obj(content.body).text) ?? '',
        ...optional('footer', str(obj(content.footer).text)),
      };
      const action = obj(content.action);
      if (content.type === 'button') return { type: 'buttons', ...frame, buttons: arr(action.buttons).map((b) => choice(obj(b).reply)) };
      if (content.type === 'list') {
        const sections = arr(action.sections).map((s) => ({ ...optional('title', str(obj(s).title)), rows: arr(obj(s).rows).map(choice) }));
        return { type: 'list', ...frame, button: str(action.button) ?? '', sections };
      }
      return { type: 'other', summary: `interactive ${String(content.type)}` };
    }
    case 'template': {
      const parameters = arr(content.components).flatMap((c) => arr(obj(c).parameters).map((p) => str(obj(p).text) ?? ''));
      return { type: 'template', name: str(content.name) ?? '', language: str(obj(content.language).code) ?? '', parameters };
    }
    case 'image':
    case 'document':
    case 'audio':
    case 'video':
    case 'sticker':
      return {
        type: 'media',
        kind: type,
        ...optional('mediaId', str(content.id)),
        ...optional('link', str(content.link)),
        ...optional('caption', str(content.caption)),
        ...optional('filename', str(content.filename)),
      };
    default:
      return { type: 'other', summary: type };
  }
}
