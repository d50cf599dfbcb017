import type { Request, Response } from 'express';
import type { ChatStore } from '../../use-cases/ports';

interface Client {
  res: Response;
  /** What the page asked for: the student's phone or user id (a student added later is found by it too). */
  student: string | undefined;
}

export interface PhoneEvents {
  /** GET /phone/api/events?student=<phone or user id>: the students and that chat now, then every change as it happens. */
  handle(req: Request, res: Response): void;
  /** `studentId`: the student's business-scoped user id. */
  typing(studentId: string, until: number): void;
  close(): void;
}

/**
 * Server-Sent Events for the phone pages: a page asks for one student's chat and gets a snapshot first, then
 * each new or changed message (ticks included), so nothing between a fetch and a subscribe can be missed.
 */
export function createPhoneEvents(store: ChatStore, heartbeatMs = 15_000): PhoneEvents {
  const clients = new Set<Client>();
  const write = (client: Client, event: string, data: unknown) => client.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  /** Whether the client shows this student's chat (chats are kept by user id; a page may name the phone). */
  const shows = (client: Client, studentId: string) => client.student !== undefined && store.student(client.student)?.userId === studentId;

  store.onChange((change) => {
    for (const client of clients) {
      if (change.kind === 'students') write(client, 'students', change.students);
      else if (shows(client, change.bubble.studentId)) write(client, 'bubble', change.bubble);
    }
  });
  // A comment line now and then keeps proxies and idle timeouts from closing a quiet stream.
  const heartbeat = setInterval(() => clients.forEach((c) => c.res.write(': keep-alive\n\n')), heartbeatMs);
  heartbeat.unref();

  return {
    handle(req, res) {
      const student = typeof req.query.student === 'string' && req.query.student !== '' ? req.query.student : undefined;
      res
        .status(200)
        .set({ 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.flushHeaders();
      const client: Client = { res, student };
      clients.add(client);
      req.on('close', () => clients.delete(client));
      write(client, 'students', store.students());
      if (student) write(client, 'chat', { student, bubbles: store.bubbles(student) });
    },
    typing(studentId, until) {
      for (const client of clients) if (shows(client, studentId)) write(client, 'typing', { student: studentId, until });
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.res.end();
      clients.clear();
    },
  };
}
