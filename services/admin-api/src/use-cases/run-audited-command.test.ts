import { describe, expect, it } from 'vitest';
import type { AdminUser } from '../domain/admin-user';
import type { AuditEntry } from '../domain/audit';
import { AppError } from '../domain/errors';
import { runAuditedCommand, type AuditedCommand } from './run-audited-command';

const user: AdminUser = { id: 'u-1', email: 'ms.khumalo@school.org', role: 'agent', displayName: null, disabledAt: null };

function setup(recordFails = false) {
  const audits: AuditEntry[] = [];
  const failures: AuditEntry[] = [];
  const deps = {
    recordAudit: async (entry: AuditEntry) => {
      if (recordFails) throw new Error('connection terminated');
      audits.push(entry);
    },
    auditFailed: (_error: unknown, entry: AuditEntry) => failures.push(entry),
  };
  return { deps, audits, failures };
}

const command = <T>(run: () => Promise<T>): AuditedCommand<T> => ({
  user,
  origin: { ip: '10.0.0.7', userAgent: 'console/1.0' },
  action: 'chat.claimed',
  target: '447700900123',
  details: { correlation_id: 'c-1' },
  run,
  describe: () => ({ support_status: 'active' }),
});

describe('runAuditedCommand', () => {
  it('audits a command that succeeded with what its answer says', async () => {
    const { deps, audits } = setup();
    await expect(
      runAuditedCommand(
        deps,
        command(async () => 'done'),
      ),
    ).resolves.toBe('done');
    expect(audits).toEqual([
      {
        actorId: 'u-1',
        actorEmail: 'ms.khumalo@school.org',
        action: 'chat.claimed',
        target: '447700900123',
        details: { correlation_id: 'c-1', outcome: 'ok', support_status: 'active' },
        ip: '10.0.0.7',
        userAgent: 'console/1.0',
      },
    ]);
  });

  it('audits a refused or unanswered command with its error code, then rethrows it', async () => {
    const { deps, audits } = setup();
    const refusal = new AppError('engine_unavailable', 'no engine');
    await expect(
      runAuditedCommand(
        deps,
        command(() => Promise.reject(refusal)),
      ),
    ).rejects.toBe(refusal);
    await expect(
      runAuditedCommand(
        deps,
        command(() => Promise.reject(new Error('bug'))),
      ),
    ).rejects.toThrow('bug');
    expect(audits.map((a) => a.details.outcome)).toEqual(['engine_unavailable', 'internal']);
  });

  it('answers the result of a command the engine carried out even when the audit row cannot be written', async () => {
    const { deps, failures } = setup(true);
    await expect(
      runAuditedCommand(
        deps,
        command(async () => 'done'),
      ),
    ).resolves.toBe('done');
    expect(failures).toHaveLength(1);
    expect(failures[0]?.details.outcome).toBe('ok');
  });
});
