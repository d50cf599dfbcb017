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

/**
 * The phone's memory: students and their chats, in this process only (a restart starts with empty phones,
 * as the sandbox keeps nothing Meta would not). Chats are kept by the student's user id, which every student
 * has; a phone number only finds it. Each chat keeps its last `maxPerChat` messages.
 */
export function createChatStore(maxPerChat = 500): ChatStore {
  const students = new Map<string, Student>();
  const byPhone = new Map<string, string>();
  const chats = new Map<string, Bubble[]>();
  const byId = new Map<string, Bubble>();
  const listeners: ((change: ChatChange) => void)[] = [];
  const emit = (change: ChatChange) => listeners.forEach((listener) => listener(change));
  const list = () => [...students.values()].sort((a, b) => a.createdAt - b.createdAt);
  const find = (id: string) => students.get(id) ?? students.get(byPhone.get(id) ?? '');

  return {
    students: list,
    student: find,
    saveStudent(student) {
      const previous = students.get(student.userId);
      if (previous?.waId !== undefined && previous.waId !== student.waId) byPhone.delete(previous.waId);
      students.set(student.userId, student);
      if (student.waId !== undefined) byPhone.set(student.waId, student.userId);
      emit({ kind: 'students', students: list() });
    },
    bubbles: (id) => {
      const student = find(id);
      return student ? [...(chats.get(student.userId) ?? [])] : [];
    },
    bubble: (id) => byId.get(id),
    add(bubble) {
      const chat = chats.get(bubble.studentId) ?? [];
      chat.push(bubble);
      byId.set(bubble.id, bubble);
      for (const dropped of chat.splice(0, Math.max(0, chat.length - maxPerChat))) byId.delete(dropped.id);
      chats.set(bubble.studentId, chat);
      emit({ kind: 'bubble', bubble });
    },
    update(id, change) {
      const current = byId.get(id);
      if (!current) return undefined;
      const next = change(current);
      if (!next || JSON.stringify(next) === JSON.stringify(current)) return undefined;
      byId.set(id, next);
      const chat = chats.get(next.studentId) ?? [];
      chats.set(next.studentId, chat.map((b) => (b.id === id ? next : b)));
      emit({ kind: 'bubble', bubble: next });
      return next;
    },
    onChange: (listener) => listeners.push(listener),
  };
}
