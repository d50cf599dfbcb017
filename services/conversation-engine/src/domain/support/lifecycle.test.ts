import { describe, expect, it } from 'vitest';
import { onClaim, onEnd, onSend, onStart, type Agent, type OpenChat } from './lifecycle';

const MARY: Agent = { id: 'admin-1', name: 'Mary' };
const JOHN: Agent = { id: 'admin-2', name: 'John' };
const waiting: OpenChat = { status: 'waiting', assignedTo: null };
const heldBy = (agent: Agent): OpenChat => ({ status: 'active', assignedTo: agent });

describe('the support chat lifecycle', () => {
  it('starts a chat for a student who is not in one, and claims a waiting one', () => {
    expect(onStart(null, MARY)).toEqual({ kind: 'open' });
    expect(onStart(waiting, MARY)).toEqual({ kind: 'claim' });
    expect(onStart(heldBy(MARY), MARY)).toEqual({ kind: 'keep' });
    expect(onStart(heldBy(JOHN), MARY)).toMatchObject({
      kind: 'refuse',
      code: 'already_claimed',
      message: expect.stringContaining('John'),
    });
  });

  it('claims only an open chat, idempotently for its owner and never from another admin', () => {
    expect(onClaim(null, MARY)).toMatchObject({ kind: 'refuse', code: 'chat_not_active' });
    expect(onClaim(waiting, MARY)).toEqual({ kind: 'claim' });
    expect(onClaim(heldBy(MARY), MARY)).toEqual({ kind: 'keep' });
    expect(onClaim(heldBy(JOHN), MARY)).toMatchObject({ kind: 'refuse', code: 'already_claimed' });
  });

  it('sends into a waiting chat by claiming it, and into an active one whoever holds it', () => {
    expect(onSend(null)).toMatchObject({ kind: 'refuse', code: 'chat_not_active' });
    expect(onSend(waiting)).toEqual({ kind: 'claim' });
    expect(onSend(heldBy(JOHN))).toEqual({ kind: 'keep' });
  });

  it('ends any open chat and refuses when there is none', () => {
    expect(onEnd(waiting)).toEqual({ kind: 'end' });
    expect(onEnd(heldBy(JOHN))).toEqual({ kind: 'end' });
    expect(onEnd(null)).toMatchObject({ kind: 'refuse', code: 'chat_not_active' });
  });
});
