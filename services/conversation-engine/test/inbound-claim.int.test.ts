import { beforeEach, describe, expect, it } from 'vitest';
import { type Kysely } from '@app/db';
import { newBsuid, newPhone } from '@app/testing';
import type { EngineDatabase } from '../src/db/database';
import { migrations } from '../src/db/migrations';
import { claimAndLockConversations, type StudentClaim } from '../src/db/repositories/inbound-batch.repository';
import { StudentDirectory } from '../src/use-cases/shared/student-directory';
import { useEngineSchema } from './engine-schema';

// The hot path's promise: when every student of a batch is known by the ids their payloads carry, or is new,
// the batch's one claiming statement settles them all; only linking, a new phone or a merge takes more.

describe("the batch's claiming statement", () => {
  const engine = useEngineSchema(migrations);
  let db: Kysely<EngineDatabase>;
  beforeEach(() => {
    db = engine.db;
  });

  let n = 0;
  const claim = (userId: string | null, phone: string | null, profile: { profileName?: string; username?: string } = {}): StudentClaim => ({
    eventId: `wamid.claim${n++}`,
    userId,
    phone,
    profileName: profile.profileName ?? null,
    username: profile.username ?? null,
  });

  it('settles known and new students alone, creating the new ones, and leaves only links and new phones to settle', async () => {
    const [both, phoneOnly, userOnly] = [{ u: newBsuid(), p: newPhone() }, { p: newPhone() }, { u: newBsuid() }];
    await db
      .insertInto('conversations')
      .values([
        { user_id: both.u, phone_number: both.p, bot_state: '{}' },
        { phone_number: phoneOnly.p, bot_state: '{}' },
        { user_id: userOnly.u, bot_state: '{}' },
      ])
      .execute();
    const fresh = { u: newBsuid(), p: newPhone() };
    const settled = [
      claim(both.u, both.p, { profileName: 'Ada', username: 'ada.codes' }),
      claim(both.u, null),
      claim(null, both.p),
      claim(null, phoneOnly.p),
      claim(userOnly.u, null),
      claim(fresh.u, fresh.p, { username: 'new.one' }),
      claim(null, fresh.p),
      claim(newBsuid(), null),
      claim(null, newPhone()),
    ];
    const unsettled = [claim(newBsuid(), phoneOnly.p), claim(userOnly.u, newPhone())];
    const all = [...settled, ...unsettled];

    const { claimed, conversations } = await db.transaction().execute((trx) =>
      claimAndLockConversations(
        trx,
        all.map((c) => c.eventId),
        all,
      ),
    );

    expect(claimed.size).toBe(all.length);
    const directory = new StudentDirectory(conversations);
    expect(settled.filter((c) => !directory.settles(c))).toEqual([]);
    expect(unsettled.filter((c) => directory.settles(c))).toEqual([]);
    expect(directory.find({ userId: both.u, phone: null })).toMatchObject({
      phoneNumber: both.p,
      profileName: 'Ada',
      username: 'ada.codes',
    });
    expect(directory.find({ userId: null, phone: fresh.p })).toMatchObject({ userId: fresh.u, username: 'new.one' });
    // Nothing doubled: 3 known, 3 new students (the new one seen by phone only joined the row with both ids).
    expect(await db.selectFrom('conversations').select('id').execute()).toHaveLength(6);
  });

  it('claims nothing twice: a redelivered event finds its dedupe row and locks nothing', async () => {
    const first = claim(null, newPhone());
    await db.transaction().execute((trx) => claimAndLockConversations(trx, [first.eventId], [first]));
    const again = await db.transaction().execute((trx) => claimAndLockConversations(trx, [first.eventId], [first]));
    expect(again).toEqual({ claimed: new Set(), conversations: [] });
  });
});
