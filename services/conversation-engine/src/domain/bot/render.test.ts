import { describe, expect, it } from 'vitest';
import { outboundMessageSchema, WHATSAPP_LIMITS as L } from '@app/contracts';
import { choiceMessage, clip, moreOffset } from './render';

const options = (n: number, title = (k: number) => `Option ${k}`) =>
  Array.from({ length: n }, (_, k) => ({ id: `o${k}`, title: title(k) }));
const valid = (message: unknown) => outboundMessageSchema.safeParse(message).success;

describe('clip', () => {
  it('keeps what fits and ellipsizes what does not, to exactly the limit', () => {
    expect(clip('  Maths  ', 20)).toBe('Maths');
    expect(clip('Computer Science and Technology', 20)).toBe('Computer Science an\u2026');
    expect(clip('Computer Science and Technology', 20)).toHaveLength(20);
  });

  it('never cuts an emoji in half', () => {
    const clipped = clip(`${'a'.repeat(18)}😀😀`, 20);
    expect(clipped).toBe(`${'a'.repeat(18)}\u2026`);
    expect(clipped).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe('choiceMessage', () => {
  const base = { body: 'Pick one', button: 'Choose', moreLabel: 'More options' };

  it('uses reply buttons for up to three options, a list beyond', () => {
    expect(choiceMessage({ ...base, options: options(3) }).kind).toBe('buttons');
    expect(choiceMessage({ ...base, options: options(4) }).kind).toBe('list');
    expect(choiceMessage({ ...base, options: options(2), alwaysList: true }).kind).toBe('list');
  });

  it('shortens every title, body and description to the limits instead of failing', () => {
    const huge = (k: number) => `A very long title number ${k} that goes on and on`.repeat(3);
    for (const n of [2, 7]) {
      const message = choiceMessage({
        body: 'b'.repeat(5000),
        button: 'A button label that is too long',
        moreLabel: 'More',
        options: options(n, huge).map((o) => ({ ...o, description: 'd'.repeat(500) })),
      });
      expect(valid(message)).toBe(true);
    }
  });

  it('pages a long list: nine rows and a more row that wraps to the start', () => {
    const first = choiceMessage({ ...base, options: options(23) });
    const rows = first.kind === 'list' ? first.sections[0]!.rows : [];
    expect(rows).toHaveLength(L.listRowsTotal);
    expect(rows.at(-1)).toEqual({ id: 'more:9', title: 'More options' });
    const last = choiceMessage({ ...base, options: options(23), offset: 18 });
    expect(last.kind === 'list' && last.sections[0]!.rows.map((r) => r.id)).toEqual(['o18', 'o19', 'o20', 'o21', 'o22', 'more:0']);
    const forged = choiceMessage({ ...base, options: options(23), offset: 500 });
    expect(forged.kind === 'list' && forged.sections[0]!.rows[0]!.id).toBe('o0');
    expect(valid(first) && valid(last)).toBe(true);
  });

  it('reads the offset of a more row', () => {
    expect(moreOffset('more:9')).toBe(9);
    expect(moreOffset('more:x')).toBeUndefined();
    expect(moreOffset('subject:more')).toBeUndefined();
  });

  it('falls back to a text when there is nothing to choose', () => {
    expect(choiceMessage({ ...base, options: [] })).toEqual({ kind: 'text', body: 'Pick one' });
  });
});
