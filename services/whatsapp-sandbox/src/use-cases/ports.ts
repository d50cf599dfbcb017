import type { BusinessNumber } from '@app/whatsapp-double';
import type { Bubble, Student } from '../domain/chat';

export type ChatChange = { kind: 'students'; students: Student[] } | { kind: 'bubble'; bubble: Bubble };

export interface ChatStore {
  students(): Student[];
  /** A student by their business-scoped user id or by their phone number. */
  student(id: string): Student | undefined;
  /** Adds or replaces the student with this user id (a phone they had before is forgotten if it changed). */
  saveStudent(student: Student): void;
  /** A student's chat, by their user id or phone (empty for a student nobody added). */
  bubbles(id: string): Bubble[];
  bubble(id: string): Bubble | undefined;
  add(bubble: Bubble): void;
  /** Replaces a bubble by what `change` returns (undefined: no change); listeners hear of real changes only. */
  update<B extends Bubble>(id: string, change: (bubble: Bubble) => B | undefined): B | undefined;
  onChange(listener: (change: ChatChange) => void): void;
}

/** A signed webhook's fate: answered 2xx, or given up after the retries. */
export type DeliveryOutcome = { ok: true; status: number; attempts: number } | { ok: false; reason: string; attempts: number };

export interface PhoneDeps {
  store: ChatStore;
  business: BusinessNumber;
  /** Delivers after every earlier delivery with the same key: the student's user id keeps their events in order. */
  deliver(key: string, payload: unknown): Promise<DeliveryOutcome>;
  /** Runs `work` after `ms` unless the sandbox stops first. */
  schedule(ms: number, work: () => void): void;
  /** Shows "typing…" on the student's phone until then (Meta's typing indicator lasts up to 25 s). */
  typing(studentId: string, until: number): void;
  delays: { sentMs: number; deliveredMs: number; readMs: number };
  now(): number;
  newWamid(): string;
  /** A new business-scoped user id: Meta gives one to every user. */
  newUserId(): string;
}
