import type { Kysely } from '@app/db';
import type { Logger } from '@app/logging';
import { MediaStoreError, type MediaStore } from '@app/media-store';
import { auditEntriesAbout, scrubAuditEntriesAbout } from '../db/repositories/audit-subject.repository';
import type { Database } from '../db/database';
import type { StudentDataDeps } from '../adapters/http/routes/student-data-deps';
import type { EngineGateway } from '../domain/engine-gateway';
import { AppError } from '../domain/errors';
import { eraseStudentData } from '../use-cases/student-data/erase-student-data';
import { exportStudentData } from '../use-cases/student-data/export-student-data';
import { exportTranscript } from '../use-cases/student-data/export-transcript';
import type { AuditedCommandDeps } from '../use-cases/run-audited-command';

/** The student's data use cases bound to their clients (http-deps.ts's part for issue 15). */
export function composeStudentData(deps: {
  db: Kysely<Database>;
  engine: EngineGateway;
  mediaStore: MediaStore;
  audited: AuditedCommandDeps;
  log: Logger;
}): StudentDataDeps {
  const { db, engine, mediaStore, audited, log } = deps;
  const now = () => new Date();
  const getMedia = (key: string) =>
    mediaStore.get(key).catch((error: unknown) => {
      if (error instanceof MediaStoreError && error.code === 'unavailable')
        throw new AppError('unavailable', 'the media store cannot be reached; try again shortly', { cause: error });
      throw error;
    });
  return {
    exportTranscript: (input) => exportTranscript({ ...audited, engine, now }, input),
    exportStudentData: (input) =>
      exportStudentData({ ...audited, engine, getMedia, auditAbout: (ids, page) => auditEntriesAbout(db, ids, page), now }, input),
    eraseStudentData: (input) =>
      eraseStudentData(
        {
          ...audited,
          engine,
          deleteMedia: (key) => mediaStore.delete(key),
          scrubAuditAbout: (ids, erasureId) => scrubAuditEntriesAbout(db, ids, erasureId),
          logMediaFailure: (error) => log.error({ err: error }, 'erased student media not deleted; the next erasure retries'),
          logScrubFailure: (error) => log.error({ err: error }, 'audit entries about an erased student not scrubbed'),
        },
        input,
      ),
  };
}
