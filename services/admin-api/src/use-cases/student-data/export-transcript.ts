import type { MessageView, StudentHistoryPage } from '@app/contracts';
import { actorOf } from '../../domain/actor';
import type { AdminUser } from '../../domain/admin-user';
import type { RequestOrigin } from '../../domain/audit';
import type { EngineGateway } from '../../domain/engine-gateway';
import {
  transcriptEntry,
  transcriptHtmlHead,
  transcriptHtmlRow,
  transcriptHtmlTail,
  type TranscriptHeader,
} from '../../domain/student-data/transcript';
import { runAuditedCommand, type AuditedCommandDeps } from '../run-audited-command';

/** A transcript stops after this many messages (a longer one is asked for by range): bounded work per request. */
const MAX_TRANSCRIPT_MESSAGES = 20_000;
const PAGE = 200;

export interface TranscriptInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  student: string;
  format: 'html' | 'json';
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
  /** Include the team's private notes (marked as such). */
  notes: boolean;
}

export interface TranscriptFile {
  filename: string;
  contentType: string;
  body: AsyncIterable<string>;
}

export type TranscriptDeps = AuditedCommandDeps & { engine: Pick<EngineGateway, 'studentHistory'>; now: () => Date };

/** Pages of the history, the first already read, until the end or MAX; says at the end whether it stopped short. */
export async function* historyMessages(
  first: StudentHistoryPage,
  next: (after: string) => Promise<StudentHistoryPage>,
  notes: boolean,
): AsyncGenerator<MessageView, boolean> {
  let page = first;
  let count = 0;
  for (;;) {
    for (const message of page.items) {
      if (message.private === true && !notes) continue;
      if (count === MAX_TRANSCRIPT_MESSAGES) return true;
      count += 1;
      yield message;
    }
    if (!page.next_cursor) return false;
    page = await next(page.next_cursor);
  }
}

export async function* htmlTranscript(header: TranscriptHeader, source: AsyncGenerator<MessageView, boolean>): AsyncGenerator<string> {
  yield transcriptHtmlHead(header);
  let count = 0;
  let step = await source.next();
  while (!step.done) {
    count += 1;
    yield transcriptHtmlRow(transcriptEntry(step.value, header.student, header.timeZone));
    step = await source.next();
  }
  yield transcriptHtmlTail(count, step.value);
}

/** The same content as JSON, streamed: `messages` items as they come, `truncated` after them. */
async function* json(header: TranscriptHeader, source: AsyncGenerator<MessageView, boolean>): AsyncGenerator<string> {
  const head = {
    student: header.student,
    time_zone: header.timeZone,
    from: header.from,
    to: header.to,
    generated_at: header.generatedAt.toISOString(),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"messages":[`;
  let count = 0;
  let step = await source.next();
  while (!step.done) {
    yield `${count === 0 ? '\n' : ',\n'}${JSON.stringify(transcriptEntry(step.value, header.student, header.timeZone))}`;
    count += 1;
    step = await source.next();
  }
  yield `\n],"count":${count},"truncated":${step.value}}\n`;
}

/**
 * One conversation's transcript, HTML to print or JSON, with authors, times in the stated zone, delivery status
 * and attachments by name. The engine's history is read a page at a time while the answer is written, so a
 * long conversation is never one reply in memory. Audited once the first page came (who read whose, which range).
 */
export async function exportTranscript(deps: TranscriptDeps, input: TranscriptInput): Promise<TranscriptFile> {
  const { user, student, correlationId } = input;
  const actor = actorOf(user);
  const read = (after: string | undefined) =>
    deps.engine.studentHistory(
      {
        actor,
        student,
        limit: PAGE,
        ...(after ? { after } : {}),
        ...(input.from ? { from: input.from } : {}),
        ...(input.to ? { to: input.to } : {}),
      },
      correlationId,
    );
  const first = await runAuditedCommand(deps, {
    user,
    origin: input.origin,
    action: 'conversation.transcript_exported',
    target: student,
    details: { correlation_id: correlationId, format: input.format, from: input.from ?? null, to: input.to ?? null, notes: input.notes },
    run: () => read(undefined),
  });
  const header: TranscriptHeader = {
    student: first.student,
    timeZone: input.timeZone,
    from: input.from ?? null,
    to: input.to ?? null,
    generatedAt: deps.now(),
  };
  const source = historyMessages(first, (after) => read(after), input.notes);
  const day = header.generatedAt.toISOString().slice(0, 10);
  const name = `transcript-${student.replace(/[^A-Za-z0-9]/g, '_')}-${day}`;
  return input.format === 'html'
    ? { filename: `${name}.html`, contentType: 'text/html; charset=utf-8', body: htmlTranscript(header, source) }
    : { filename: `${name}.json`, contentType: 'application/json; charset=utf-8', body: json(header, source) };
}
