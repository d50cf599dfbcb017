import { describe, expect, it } from 'vitest';
import { sql } from '@app/db';
import { pollUntil } from '@app/testing';
import { correlationId, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { studentInLine } from './support-driver';

describe('the engine RPC at shutdown', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => ({ h, admin } = world), { start: false });

  it('answers the request in hand before it stops, and takes no new ones', async () => {
    const engine = await h.start();
    const student = await studentInLine(h);

    // Hold the student's conversation so that the claim is in the engine's hands, waiting, when it is told to stop.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holderPid: number | undefined;
    const holding = h.db.transaction().execute(async (trx) => {
      await trx.selectFrom('conversations').select('id').where('phone_number', '=', student.phone).forUpdate().execute();
      holderPid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]?.pid;
      await released;
    });
    await pollUntil(() => holderPid);
    const claim = admin.call('claimChat', { actor: MARY, student: student.phone, correlationId: correlationId() });
    await pollUntil(
      async () => {
        const { rows } = await sql<{
          pid: number;
        }>`select pid from pg_stat_activity where ${holderPid} = any(pg_blocking_pids(pid))`.execute(h.db);
        return rows.length > 0;
      },
      { message: 'the claim waiting for the lock' },
    );

    const stopped = engine.stop();
    release();
    await holding;
    expect(await claim).toMatchObject({ ok: true, data: { conversation: { support_status: 'active', assigned_to: { id: MARY.id } } } });
    expect(await stopped).toBe(true);

    await expect(admin.call('stats', { actor: MARY })).rejects.toThrow(/503|no responders/i);
  });
});
