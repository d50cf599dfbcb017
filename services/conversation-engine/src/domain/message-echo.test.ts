import { describe, expect, it } from 'vitest';
import { echoText } from './message-echo';

const echo = (fields: Record<string, unknown>) => ({
  from: '15550783881',
  to: '447100000001',
  id: 'wamid.E',
  timestamp: '1',
  type: 'text',
  ...fields,
});

describe('echoText', () => {
  it("is a text's body", () => {
    expect(echoText(echo({ text: { body: 'See you at 9' } }))).toBe('See you at 9');
  });

  it("is a media message's caption, and null without one", () => {
    expect(echoText(echo({ type: 'image', image: { id: 'm1', caption: 'The timetable' } }))).toBe('The timetable');
    expect(echoText(echo({ type: 'document', document: { id: 'm2' } }))).toBeNull();
  });

  it("is an edit's new text", () => {
    expect(
      echoText(
        echo({ type: 'edit', edit: { original_message_id: 'wamid.O', message: { type: 'text', text: { body: 'See you at 10' } } } }),
      ),
    ).toBe('See you at 10');
  });

  it('is null for a type without text', () => {
    expect(echoText(echo({ type: 'revoke', revoke: { original_message_id: 'wamid.O' } }))).toBeNull();
    expect(echoText(echo({ type: 'sticker', sticker: 'not an object' }))).toBeNull();
  });
});
