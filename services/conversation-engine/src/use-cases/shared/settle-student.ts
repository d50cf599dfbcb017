import type { Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import type { StudentClaim } from '../../db/repositories/inbound-batch.repository';
import {
  insertConversation,
  loadConversationRows,
  lockConversationsByIds,
  mergeConversations,
  setConversationIds,
  setProfile,
  survivorOf,
} from '../../db/repositories/student-identity.repository';
import type { StudentDirectory } from './student-directory';

// A student is one conversation whatever WhatsApp names them by (ARCHITECTURE.md, invariant 8). The BSUID is
// who they are; the phone is an attribute that can appear, change or vanish from payloads (a payload without
// it says nothing about it: the phone known stays, and sends keep using it). These settle what the batch's
// first statement could not, each on rows it locks, and leave the batch's directory pointing at the result.

type Trx = Transaction<EngineDatabase>;

/** A concurrent creation of the same student (two partitions holding them for a moment) is looked up again. */
const SETTLE_ATTEMPTS = 3;

async function refresh(trx: Trx, directory: StudentDirectory, ids: readonly string[]) {
  for (const row of await loadConversationRows(trx, ids)) directory.put(row);
}

/** Two conversations of one student become one (the registered one survives, else the older), holding `ids`. */
async function combine(
  trx: Trx,
  directory: StudentDirectory,
  a: string,
  b: string,
  ids: { userId: string | null; phone: string | null },
  at: Date,
) {
  const keep = await survivorOf(trx, a, b);
  const drop = keep === a ? b : a;
  await mergeConversations(trx, keep, drop, at);
  directory.merged(drop, keep);
  await setConversationIds(trx, keep, ids);
  return keep;
}

/**
 * Gives conversation `id` (locked) the phone `phone`. A conversation already holding it is the same student
 * when it has no BSUID (a student first seen by phone only): merged. One holding it under another BSUID is
 * another WhatsApp user (Meta gives a new phone a new BSUID, and numbers are recycled): it loses the phone.
 * Returns the conversation that now has it.
 */
export async function attachPhone(trx: Trx, directory: StudentDirectory, id: string, phone: string, at: Date): Promise<string> {
  const [current] = await loadConversationRows(trx, [id]);
  if (!current) throw new Error(`conversation ${id} vanished`);
  if (current.phone_number === phone) return id;
  const holder = (await lockConversationsByIds(trx, { userId: null, phone })).find((r) => r.id !== id);
  let result = id;
  if (holder && holder.user_id === null) {
    result = await combine(trx, directory, id, holder.id, { userId: current.user_id, phone }, at);
  } else {
    if (holder) await setConversationIds(trx, holder.id, { phone: null });
    await setConversationIds(trx, id, { phone });
  }
  await refresh(trx, directory, [result, ...(holder ? [holder.id] : [])]);
  return result;
}

/**
 * Gives conversation `id` (locked) the BSUID `userId`, replacing the one it had (`user_changed_user_id`) or
 * linking it for the first time. A conversation already holding the new BSUID (its messages arrived before
 * the announcement, or before the payload linking both ids) is the same student: merged.
 */
export async function attachUserId(trx: Trx, directory: StudentDirectory, id: string, userId: string, at: Date): Promise<string> {
  const [current] = await loadConversationRows(trx, [id]);
  if (!current) throw new Error(`conversation ${id} vanished`);
  if (current.user_id === userId) return id;
  const holder = (await lockConversationsByIds(trx, { userId, phone: null })).find((r) => r.id !== id);
  let result = id;
  if (holder) result = await combine(trx, directory, id, holder.id, { userId, phone: current.phone_number ?? holder.phone_number }, at);
  else await setConversationIds(trx, id, { userId });
  await refresh(trx, directory, [result]);
  return result;
}

/**
 * The student of a payload the batch's first statement did not settle (see StudentDirectory.settles): found
 * by BSUID, else linked onto the conversation of their phone (when that one has no BSUID), else created; then
 * given the payload's phone when it is new to them. Runs only for such payloads.
 */
export async function settleStudent(trx: Trx, directory: StudentDirectory, claim: StudentClaim, at: Date): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const rows = await lockConversationsByIds(trx, claim);
    const byUserId = claim.userId !== null ? rows.find((r) => r.user_id === claim.userId) : undefined;
    const byPhone = claim.phone !== null ? rows.find((r) => r.phone_number === claim.phone) : undefined;
    let id: string | undefined;
    if (claim.userId === null) id = byPhone?.id;
    else if (byUserId) id = byUserId.id;
    else if (byPhone && byPhone.user_id === null) {
      await setConversationIds(trx, byPhone.id, { userId: claim.userId });
      id = byPhone.id;
    }
    // Created without the phone when another BSUID holds it: attachPhone decides between them below.
    id ??= await insertConversation(trx, { ...claim, phone: claim.userId !== null && byPhone ? null : claim.phone });
    if (id === undefined) {
      if (attempt >= SETTLE_ATTEMPTS) throw new Error('the student was created concurrently and cannot be found');
      continue;
    }
    await setProfile(trx, id, claim);
    await refresh(trx, directory, [id, ...rows.map((r) => r.id)]);
    if (claim.phone !== null) await attachPhone(trx, directory, id, claim.phone, at);
    return;
  }
}
