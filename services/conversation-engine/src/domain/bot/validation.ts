export type Validated = { ok: true; value: string } | { ok: false };

const NAME = /^[\p{L}\p{M}]+(?:[ '-]+[\p{L}\p{M}]+)*$/u;

/**
 * A full name: 2-80 characters of letters (any script), spaces, apostrophes and hyphens, starting and
 * ending with a letter. Typographic apostrophes (phones insert them) count as apostrophes; runs of spaces
 * collapse.
 */
export function validateName(raw: string): Validated {
  const value = raw
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  const length = [...value].length;
  return length >= 2 && length <= 80 && NAME.test(value) ? { ok: true, value } : { ok: false };
}

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** An address mail can be delivered to: local@domain.tld, ASCII, the lengths of RFC 5321. */
export function validateEmail(raw: string): Validated {
  const value = raw.trim();
  const at = value.lastIndexOf('@');
  if (value.length > 254 || at < 1) return { ok: false };
  const local = value.slice(0, at);
  const labels = value
    .slice(at + 1)
    .toLowerCase()
    .split('.');
  const tld = labels.at(-1) ?? '';
  const ok = local.length <= 64 && LOCAL.test(local) && labels.length >= 2 && labels.every((l) => LABEL.test(l)) && /^[a-z]{2,}$/.test(tld);
  return ok ? { ok: true, value: `${local}@${labels.join('.')}` } : { ok: false };
}

/** A typed class is taken as it is, spaces tidied, when it has 1-30 characters. */
export function validateClass(raw: string): Validated {
  const value = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const length = [...value].length;
  return length >= 1 && length <= 30 ? { ok: true, value } : { ok: false };
}
