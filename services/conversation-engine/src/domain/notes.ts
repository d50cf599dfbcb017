// A private note of the team: a row of the conversation's history, so that it reads in order with the
// messages and pages with them, but never a message to the student. Whatever counts or sends messages tells
// it by its type (no outbox row is ever written for one).

export const NOTE_TYPE = 'note';

/** Neither queued nor sent, and never will be: the one status that promises no delivery. */
export const NOTE_STATUS = 'received';
