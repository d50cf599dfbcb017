import { WHATSAPP_LIMITS as L, type OutboundMessageInput } from '@app/contracts';

/**
 * Shortens `value` to `max` characters (as the limits count them: UTF-16 units), ending with an ellipsis.
 * Wording comes from a database a school edits: a long title must shorten, never fail the transaction.
 */
export function clip(value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length <= max) return trimmed;
  let cut = trimmed.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}\u2026`;
}

/** Joins the non-empty parts as paragraphs (a note before a question, say). */
export const paragraphs = (...parts: (string | undefined)[]) => parts.filter((p): p is string => !!p?.trim()).join('\n\n');

export function textMessage(body: string): OutboundMessageInput {
  return { kind: 'text', body: clip(body, L.textBody) };
}

export interface ButtonOption {
  id: string;
  title: string;
}

export function buttonsMessage(body: string, buttons: readonly ButtonOption[]): OutboundMessageInput {
  return {
    kind: 'buttons',
    body: clip(body, L.interactiveBody),
    buttons: buttons.slice(0, L.buttons).map((b) => ({ id: b.id, title: clip(b.title, L.buttonTitle) })),
  };
}

export interface ChoiceOption extends ButtonOption {
  description?: string;
}

const MORE_PREFIX = 'more:';
/** Rows of one page when a list is longer than WhatsApp allows: the last row is "more". */
const PAGE_SIZE = L.listRowsTotal - 1;

/**
 * One question with options: reply buttons for up to three, a list for up to ten, and pages of nine plus a
 * "more" row (id `more:<offset>`, wrapping to the start) beyond that. Every limit is applied here.
 */
export function choiceMessage(opts: {
  body: string;
  button: string;
  options: readonly ChoiceOption[];
  moreLabel: string;
  offset?: number;
  /** Menus stay lists even with few options, so that they always look the same. */
  alwaysList?: boolean;
}): OutboundMessageInput {
  const { options } = opts;
  // Flows check for empty content first; this keeps a message valid should one forget.
  if (options.length === 0) return textMessage(opts.body);
  if (options.length <= L.buttons && !opts.alwaysList) return buttonsMessage(opts.body, options);
  let rows: ChoiceOption[] = [...options];
  if (options.length > L.listRowsTotal) {
    const offset = pageOffset(opts.offset ?? 0, options.length);
    const next = offset + PAGE_SIZE >= options.length ? 0 : offset + PAGE_SIZE;
    rows = [...options.slice(offset, offset + PAGE_SIZE), { id: `${MORE_PREFIX}${next}`, title: opts.moreLabel }];
  }
  return {
    kind: 'list',
    body: clip(opts.body, L.interactiveBody),
    button: clip(opts.button, L.listButton),
    sections: [
      {
        rows: rows.map((r) => ({
          id: r.id,
          title: clip(r.title, L.listRowTitle),
          ...(r.description?.trim() ? { description: clip(r.description, L.listRowDescription) } : {}),
        })),
      },
    ],
  };
}

/** A page start within the list (a stale or forged offset falls back to the first page). */
function pageOffset(offset: number, total: number): number {
  return Number.isInteger(offset) && offset > 0 && offset < total ? offset - (offset % PAGE_SIZE) : 0;
}

/** The offset asked for by a "more" row, or undefined when `id` is not one. */
export function moreOffset(id: string): number | undefined {
  if (!id.startsWith(MORE_PREFIX)) return undefined;
  const n = Number(id.slice(MORE_PREFIX.length));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
