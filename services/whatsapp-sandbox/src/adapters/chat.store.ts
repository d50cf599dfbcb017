import type { Bubble, Student } from '../domain/chat';
import type { ChatChange, ChatStore } from '../use-cases/ports';

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
      chats.set(
        next.studentId,
        chat.map((b) => (b.id === id ? next : b)),
      );
      emit({ kind: 'bubble', bubble: next });
      return next;
    },
    onChange: (listener) => listeners.push(listener),
  };
}
