/**
 * How a student's file is answered. The bytes come from WhatsApp users, and the API shares its origin with
 * the console, so nothing is ever rendered as a page: raster images may show inline (the console draws them),
 * everything else is an attachment with a sanitised name, and the caller adds nosniff and a sandboxing CSP.
 */

const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const FILENAME_MAX = 100;

/** The stored type when it is a plain `type/subtype`; anything else (parameters, odd bytes) is opaque bytes. */
export function safeContentType(stored: string | null | undefined): string {
  const type = stored?.trim().toLowerCase() ?? '';
  return MEDIA_TYPE.test(type) ? type : 'application/octet-stream';
}

/** The name as the student's phone gave it, reduced to something harmless in a header and a file system. */
function cleanName(name: string | null): string {
  const base = (name ?? '').split(/[\\/]/).at(-1) ?? '';
  // Control characters and quotes never reach a header; leading dots would make a hidden file.
  return base
    .replace(/\p{Cc}/gu, ' ')
    .replace(/"/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, FILENAME_MAX);
}

const asciiOnly = (name: string) => name.replace(/[^A-Za-z0-9._ ()-]/g, '_');
/** RFC 5987 ext-value: UTF-8, percent-encoded outside attr-char. */
const extValue = (name: string) =>
  `UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

export function contentDisposition(input: { contentType: string; filename: string | null; fallbackName: string }): string {
  if (INLINE_TYPES.has(input.contentType)) return 'inline';
  const name = cleanName(input.filename) || input.fallbackName;
  const ascii = asciiOnly(name);
  return ascii === name ? `attachment; filename="${name}"` : `attachment; filename="${ascii}"; filename*=${extValue(name)}`;
}
