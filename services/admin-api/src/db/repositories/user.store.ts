import type { Kysely } from '@app/db';
import type { UserStore } from '../../use-cases/user-store';
import * as users from './admin-user.repository';
import { insertAuditEntry } from './audit-log.repository';
import type { Database } from '../database';

/** The use cases' `inTransaction`: one transaction, the store bound to it. */
export function userTransaction(db: Kysely<Database>) {
  return <T>(work: (store: UserStore) => Promise<T>): Promise<T> =>
    db.transaction().execute((trx) =>
      work({
        lockAdminRoles: () => users.lockAdminRoles(trx),
        findUserById: (id) => users.findUserById(trx, id),
        insertUser: (user) => users.insertUser(trx, user),
        updateUser: (id, patch) => users.updateUser(trx, id, patch),
        countOtherActiveAdmins: (id) => users.countOtherActiveAdmins(trx, id),
        recordAudit: (entry) => insertAuditEntry(trx, entry),
      }),
    );
}
