import type { StoredMedia } from '@app/media-store';
import { Zip, ZipDeflate, ZipPassThrough, strToU8, type ZipInputFile } from 'fflate';
import type { StudentDataTables } from '@app/contracts';
import { actorOf } from '../../domain/actor';
import type { AdminUser } from '../../domain/admin-user';
import type { RequestOrigin, StoredAuditEntry } from '../../domain/audit';
import type { EngineGateway } from '../../domain/engine-gateway';
import { ARCHIVE_README, mediaPath } from '../../domain/student-data/archive-names';
import { runAuditedCommand, type AuditedCommandDeps } from '../run-audited-command';
import { historyMessages, htmlTranscript } from './export-transcript';

export interface ExportDeps extends AuditedCommandDeps {
  engine: Pick<EngineGateway, 'studentDataTables' | 'studentDataRows' | 'studentHistory'>;
  getMedia(key: string): Promise<StoredMedia | undefined>;
  auditAbout(ids: readonly string[], page: { afterId: number; limit: number }): Promise<StoredAuditEntry[]>;
  now: () => Date;
}

export interface ExportInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  student: string;
}

const ROWS_PAGE = 200;
const AUDIT_PAGE = 500;
const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** A ZIP written as it is read: each file's bytes leave as soon as fflate has them, pulled by the consumer. */
class ArchiveWriter {
  private readonly out: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip = new Zip((error, chunk) => {
    if (error) this.failure = error;
    else this.out.push(chunk);
  });

  open(path: string, compress: boolean): ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } {
    const file = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    this.zip.add(file);
    return file;
  }

  text(path: string, content: string): void {
    this.open(path, true).push(strToU8(content), true);
  }

  end(): void {
    this.zip.end();
  }

  *drain(): Generator<Uint8Array> {
    if (this.failure) throw this.failure;
    while (this.out.length > 0) yield this.out.shift() as Uint8Array;
  }
}

async function* archive(deps: ExportDeps, input: ExportInput, plan: StudentDataTables): AsyncGenerator<Uint8Array> {
  const actor = actorOf(input.user);
  const { student, correlationId } = input;
  const zip = new ArchiveWriter();
  const files: { path: string; rows?: number; bytes?: number }[] = [];
  const missing: string[] = [];
  const stored: { message_id: string; storage_key: string; filename: string | null; kind: string }[] = [];
  const generatedAt = deps.now();

  zip.text('README.md', ARCHIVE_README);
  zip.text('conversation.json', `${JSON.stringify(plan.conversation, null, 2)}\n`);
  yield* zip.drain();

  const first = await deps.engine.studentHistory({ actor, student, limit: 200 }, correlationId);
  const transcript = zip.open('transcript.html', true);
  for await (const chunk of htmlTranscript(
    { student: first.student, timeZone: 'UTC', from: null, to: null, generatedAt },
    historyMessages(first, (after) => deps.engine.studentHistory({ actor, student, after, limit: 200 }, correlationId), true),
  )) {
    transcript.push(strToU8(chunk));
    yield* zip.drain();
  }
  transcript.push(new Uint8Array(0), true);

  for (const table of plan.tables.filter((t) => t.rows > 0)) {
    const file = zip.open(`tables/${table.name}.jsonl`, true);
    let rows = 0;
    let offset: number | null = 0;
    while (offset !== null) {
      const page = await deps.engine.studentDataRows({ actor, student, table: table.name, offset, limit: ROWS_PAGE }, correlationId);
      for (const row of page.rows) {
        if (table.name === 'message_media' && row['status'] === 'stored' && text(row['storage_key'])) {
          stored.push({
            message_id: String(row['message_id']),
            storage_key: String(row['storage_key']),
            filename: text(row['filename']),
            kind: String(row['kind']),
          });
        }
      }
      file.push(strToU8(page.rows.map((row) => `${JSON.stringify(row)}\n`).join('')));
      rows += page.rows.length;
      offset = page.next_offset;
      yield* zip.drain();
    }
    file.push(new Uint8Array(0), true);
    files.push({ path: `tables/${table.name}.jsonl`, rows });
  }

  for (const media of stored) {
    const object = await deps.getMedia(media.storage_key);
    if (!object) {
      missing.push(media.message_id);
      continue;
    }
    const path = mediaPath(media);
    // Images and documents are compressed already: stored as they are.
    const file = zip.open(path, false);
    let bytes = 0;
    for await (const chunk of object.stream as AsyncIterable<Uint8Array>) {
      file.push(chunk);
      bytes += chunk.length;
      yield* zip.drain();
    }
    file.push(new Uint8Array(0), true);
    files.push({ path, bytes });
  }

  const ids = [text(plan.conversation['phone_number']), text(plan.conversation['user_id'])].filter((id): id is string => id !== null);
  const audit = zip.open('audit.jsonl', true);
  let entries = 0;
  for (let afterId = 0; ;) {
    const page = await deps.auditAbout(ids, { afterId, limit: AUDIT_PAGE });
    audit.push(strToU8(page.map((entry) => `${JSON.stringify(entry)}\n`).join('')));
    entries += page.length;
    yield* zip.drain();
    const last = page.at(-1);
    if (!last || page.length < AUDIT_PAGE) break;
    afterId = last.id;
  }
  audit.push(new Uint8Array(0), true);
  files.push({ path: 'audit.jsonl', rows: entries });

  const manifest = {
    generated_at: generatedAt.toISOString(),
    student: { phone_number: text(plan.conversation['phone_number']), user_id: text(plan.conversation['user_id']) },
    files: [{ path: 'README.md' }, { path: 'conversation.json' }, { path: 'transcript.html' }, ...files],
    media_missing_from_store: missing,
  };
  zip.text('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.end();
  yield* zip.drain();
}

/**
 * Subject access: one ZIP with everything held on the student (their conversation row, every table's rows
 * about them, the transcript, the files they sent, the audit entries about them, a README and a manifest).
 * The engine is read a page at a time and the files a stream at a time while the archive is written, so its
 * size is bounded by the student's data, never held in memory. Admins only; audited as student.exported
 * once the engine confirmed the student exists (the archive itself is then streamed).
 */
export async function exportStudentData(
  deps: ExportDeps,
  input: ExportInput,
): Promise<{ filename: string; body: AsyncIterable<Uint8Array> }> {
  const plan = await runAuditedCommand(deps, {
    user: input.user,
    origin: input.origin,
    action: 'student.exported',
    target: input.student,
    details: { correlation_id: input.correlationId },
    run: () => deps.engine.studentDataTables({ actor: actorOf(input.user), student: input.student }, input.correlationId),
    describe: (result) => ({ tables: Object.fromEntries(result.tables.map((t) => [t.name, t.rows])) }),
  });
  const day = deps.now().toISOString().slice(0, 10);
  return { filename: `student-data-${input.student.replace(/[^A-Za-z0-9]/g, '_')}-${day}.zip`, body: archive(deps, input, plan) };
}
