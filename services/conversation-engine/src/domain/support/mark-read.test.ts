import { describe, expect, it } from 'vitest';
import { planMarkRead } from './mark-read';

const newestInbound = { id: 'm-1', wamid: 'wamid.IN-1' };

describe("marking the student's messages read when an admin opens the conversation", () => {
  it('names the newest inbound message, with a typing indicator during a support chat', () => {
    expect(planMarkRead({ newestInbound, windowOpen: true, inSupportChat: true })).toEqual({
      messageId: 'm-1',
      wamid: 'wamid.IN-1',
      typingIndicator: true,
    });
  });

  it('shows no typing indicator outside a support chat, where nobody is about to answer', () => {
    expect(planMarkRead({ newestInbound, windowOpen: true, inSupportChat: false })?.typingIndicator).toBe(false);
  });

  it('asks nothing outside the 24-hour window or without a message from the student', () => {
    expect(planMarkRead({ newestInbound, windowOpen: false, inSupportChat: true })).toBeUndefined();
    expect(planMarkRead({ newestInbound: undefined, windowOpen: true, inSupportChat: true })).toBeUndefined();
  });
});
