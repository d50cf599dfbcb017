import { describe, expect, it } from 'vitest';
import { engineFailure } from './engine-errors';

describe('engineFailure', () => {
  it('keeps the code and message of an expected refusal', () => {
    const error = engineFailure({ code: 'already_claimed', message: 'ms.khumalo is answering this chat' });
    expect([error.code, error.message]).toEqual(['already_claimed', 'ms.khumalo is answering this chat']);
  });

  it('hides the text of an internal failure', () => {
    const error = engineFailure({ code: 'internal', message: 'duplicate key value violates unique constraint "messages_pkey"' });
    expect([error.code, error.message]).toEqual(['internal', 'the conversation engine failed']);
  });

  it('turns a busy engine into engine_unavailable (503), keeping its message', () => {
    const error = engineFailure({ code: 'busy', message: 'the conversation engine is busy; try again shortly' });
    expect([error.code, error.message]).toEqual(['engine_unavailable', 'the conversation engine is busy; try again shortly']);
  });
});
