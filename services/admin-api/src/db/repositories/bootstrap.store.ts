import type { Kysely } from '@app/db';
import type { BootstrapStore } from '../../use-cases/ensure-bootstrap-admin';
import { adminExists, insertUser, withBootstrapLock } from './admin-user.repository';
import { insertAuditEntry } from './audit-log.repository';
import type { Database } from '../database';

/** ensureBootstrapAdmin's `exclusively`: one transaction holding the bootstrap lock, the store bound to it. */
export function exclusiveBootstrap(db: Kysely<Database>) {
  return <T>(work: (store: BootstrapStore) => Promise<T>): Promise<T> =>
    withBootstrapLock(db, (trx) =>
      work({
        adminExists: () => adminExists(trx),
        createUser: (user) => insertUser(trx, user),
        recordAudit: (entry) => insertAuditEntry(trx, entry),
      }),
    );
}
