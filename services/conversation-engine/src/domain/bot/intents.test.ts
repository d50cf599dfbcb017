import { describe, expect, it } from 'vitest';
import { intentOf, isEndChat, normalizeForMatching, textIntent } from './intents';

const free = { awaitingFreeText: true };
const choosing = { awaitingFreeText: false };

describe('normalizeForMatching', () => {
  it('folds case, accents, full-width forms, punctuation and spacing', () => {
    expect(normalizeForMatching('  SUPPÓRT!! ')).toBe('support');
    expect(normalizeForMatching('ＭＥＮＵ')).toBe('menu');
    expect(normalizeForMatching("I'm   done\twith Q1.")).toBe('i m done with q1');
  });
});

describe('textIntent', () => {
  it('finds support phrases as whole words anywhere while the bot is not waiting for free text', () => {
    expect(textIntent('Can I talk to a human please?', choosing)).toBe('support');
    expect(textIntent('I need CHAT SUPPORT', choosing)).toBe('support');
    expect(textIntent('is there an agent', choosing)).toBe('support');
    expect(textIntent('Agent Smith', choosing)).toBe('support');
  });

  it('never matches inside a word: "Chatwin" is not chat support, "supporter" is not support', () => {
    expect(textIntent('Chatwin', choosing)).toBeUndefined();
    expect(textIntent('I am a supporter', choosing)).toBeUndefined();
    expect(textIntent('agents', choosing)).toBeUndefined();
    expect(textIntent('homework', choosing)).toBeUndefined();
  });

  it('treats a name containing an intent word as the answer at a free-text step', () => {
    expect(textIntent('Agent Smith', free)).toBeUndefined();
    expect(textIntent('Chatwin', free)).toBeUndefined();
    expect(textIntent('Essay: why we talk to a human first', free)).toBeUndefined();
  });

  it('still honours whole-message commands at a free-text step', () => {
    expect(textIntent('menu', free)).toBe('menu');
    expect(textIntent(' Home ', free)).toBe('menu');
    expect(textIntent('CANCEL', free)).toBe('cancel');
    expect(textIntent('help', free)).toBe('help');
    expect(textIntent('support', free)).toBe('support');
    expect(textIntent('end chat', free)).toBe('end_chat');
  });

  it('takes menu, home and hi only as the whole message', () => {
    expect(textIntent('Hi', choosing)).toBe('menu');
    expect(textIntent('hi there', choosing)).toBeUndefined();
    expect(textIntent('take me home now', choosing)).toBeUndefined();
    expect(textIntent('the menu is broken', choosing)).toBeUndefined();
  });

  it('ranks end chat above support above menu', () => {
    expect(textIntent('end chat', choosing)).toBe('end_chat');
    expect(textIntent('end chat support', choosing)).toBe('support');
    expect(textIntent('menu support', choosing)).toBe('support');
  });

  it('does not read "I\'m done with Q1" or "end chat please" as ending a chat', () => {
    expect(textIntent("I'm done with Q1", choosing)).toBeUndefined();
    expect(textIntent('end chat please', choosing)).toBeUndefined();
  });
});

describe('isEndChat', () => {
  it('accepts the end_chat button or exactly "end chat" in any case with surrounding spaces', () => {
    expect(isEndChat({ kind: 'reply', id: 'end_chat', title: 'anything' })).toBe(true);
    expect(isEndChat({ kind: 'text', text: '  END Chat ' })).toBe(true);
    expect(isEndChat({ kind: 'text', text: "I'm done with Q1" })).toBe(false);
    expect(isEndChat({ kind: 'text', text: 'please end chat now' })).toBe(false);
  });

  it('routes a button by its id, never by its title', () => {
    expect(isEndChat({ kind: 'reply', id: 'menu', title: 'end chat' })).toBe(false);
  });
});

describe('intentOf', () => {
  it('maps the global reply ids and ignores titles', () => {
    expect(intentOf({ kind: 'reply', id: 'support', title: 'Something else' }, free)).toBe('support');
    expect(intentOf({ kind: 'reply', id: 'faq_cat:exams', title: 'support' }, choosing)).toBeUndefined();
    expect(intentOf({ kind: 'reply', id: 'menu', title: 'x' }, free)).toBe('menu');
  });

  it('finds no intent in media or unsupported messages', () => {
    expect(intentOf({ kind: 'media', mediaType: 'image', mediaId: 'm', caption: 'support' }, choosing)).toBeUndefined();
    expect(intentOf({ kind: 'unsupported', type: 'sticker' }, choosing)).toBeUndefined();
  });
});
