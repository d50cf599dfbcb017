// Pages of a student's data travel as one NATS reply each, which must stay under max_payload: a page is cut
// short once its JSON would pass the byte budget (never below one item, which is itself bounded: a message
// is at most a few KiB of text and its WhatsApp payload).

/** How many of `items`, from the first, fit in `maxBytes` of JSON (at least one when there is one). */
export function countWithinBytes(items: readonly unknown[], maxBytes: number): number {
  let bytes = 0;
  for (const [i, item] of items.entries()) {
    bytes += Buffer.byteLength(JSON.stringify(item) ?? '', 'utf8') + 1;
    if (bytes > maxBytes && i > 0) return i;
  }
  return items.length;
}

const encode = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

/** A history cursor: the sequence number of the newest message given; the next page is newer. */
export const encodeHistoryCursor = (seq: number) => encode(`h|${seq}`);

export function decodeHistoryCursor(cursor: string): number | undefined {
  const match = /^h\|(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
