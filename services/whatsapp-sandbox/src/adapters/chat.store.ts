import type { Bubble, Student } from '../domain/chat';

export type ChatChange = { kind: 'students'; students: Student[] } | { kind: 'bubble'; bubble: Bubble };

export interface ChatStore {
  students(): Student[];
  student(waId: string): Student | undefined;
  saveStudent(student: Student): void;
  bubbles(waId: string): Bubble[];
  bubble(id: string): Bubble | undefined;
  add(bubble: Bubble): void;
  /** Replaces a bubble by what `change` returns (undefined: no change); listeners hear of real changes only. */
  update<B extends Bubble>(id: string, change: (bubble: Bubble) => B | undefined): B | undefined;
  onChange(listener: (change: ChatChange) => void): void;
}

/**
 * The phone's memory: students and their chats, in this process only (a restart starts with empty phones,
 * as the sandbox keeps nothing Meta would not). Each chat keeps its last `maxPerChat` messages.
 */
export function createChatStore(maxPerChat = 500): ChatStore {
  const students = new Map<string, Student>();
  const chats = new Map<string, Bubble[]>();
  const byId = new Map<string, Bubble>();
  const listeners: ((change: ChatChange) => void)[] = [];
  const emit = (change: ChatChange) => listeners.forEach((listener) => listener(change));
  const list = () => [...students.values()].sort((a, b) => a.createdAt - b.createdAt);

  return {
    students: list,
    student: (waId) => students.get(waId),
    saveStudent(student) {
      students.set(student.waId, student);
      emit({ kind: 'students', students: list() });
    },
    bubbles: (waId) => [...(chats.get(waId) ?? [])],
    bubble: (id) => byId.get(id),
    add(bubble) {
      const chat = chats.get(bubble.waId) ?? [];
      chat.push(bubble);
      byId.set(bubble.id, bubble);
      for (const dropped of chat.splice(0, Math.max(0, chat.length - maxPerChat))) byId.delete(dropped.id);
      chats.set(bubble.waId, chat);
      emit({ kind: 'bubble', bubble });
    },
    update(id, change) {
      const current = byId.get(id);
      if (!current) return undefined;
      const next = change(current);
      if (!next || JSON.stringify(next) === JSON.stringify(current)) return undefined;
      byId.set(id, next);
      const chat = chats.get(next.waId) ?? [];
      chats.set(next.waId, chat.map((b) => (b.id === id ? next : b)));
      emit({ kind: 'bubble', bubble: next });
      return next;
    },
    onChange: (listener) => listeners.push(listener),
  };
}
