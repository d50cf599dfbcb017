import type { ConsentSettings, ConsentStatusView, RetentionPreview, RetentionSettings, StaffConsent } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { AuditAction } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { runAuditedCommand, type AuditedCommandDeps, type CommandInput } from './run-audited-command';

export type PrivacyCommand =
  | { kind: 'consent_settings'; settings: ConsentSettings }
  | { kind: 'record_consent'; student: string; consent: StaffConsent }
  | { kind: 'retention'; settings: RetentionSettings };

export type PrivacyAnswer<C extends PrivacyCommand> = C extends { kind: 'consent_settings' }
  ? ConsentSettings
  : C extends { kind: 'record_consent' }
    ? ConsentStatusView
    : RetentionPreview;

export type PrivacyCommandInput<C extends PrivacyCommand> = CommandInput<C>;

export type PrivacyEngine = Pick<EngineGateway, 'setConsentSettings' | 'recordConsent' | 'setRetention'>;

const ACTIONS: Record<PrivacyCommand['kind'], AuditAction> = {
  consent_settings: 'consent.settings_updated',
  record_consent: 'consent.recorded',
  retention: 'retention.settings_updated',
};

async function run(
  engine: PrivacyEngine,
  user: AdminUser,
  command: PrivacyCommand,
  correlationId: string,
): Promise<ConsentSettings | ConsentStatusView | RetentionPreview> {
  const actor = actorOf(user);
  switch (command.kind) {
    case 'consent_settings':
      return engine.setConsentSettings({ actor, settings: command.settings, correlationId }, correlationId);
    case 'record_consent':
      return engine.recordConsent({ actor, student: command.student, consent: command.consent, correlationId }, correlationId);
    case 'retention':
      return engine.setRetention({ actor, settings: command.settings, correlationId }, correlationId);
  }
}

/**
 * Changes the consent rules or retention, or records a guardian's consent given offline, on an admin's behalf
 * (the routes allow admins only); audited with what changed. A consent record is audited with who gave it,
 * how related and the evidence, not the guardian's contact: the log keeps the act, the engine keeps the data.
 */
export async function runPrivacyCommand<C extends PrivacyCommand>(
  deps: AuditedCommandDeps & { engine: PrivacyEngine },
  input: PrivacyCommandInput<C>,
): Promise<PrivacyAnswer<C>> {
  const { user, origin, correlationId, command } = input;
  const details =
    command.kind === 'record_consent'
      ? {
          guardian_name: command.consent.guardian_name,
          relationship: command.consent.relationship,
          evidence: command.consent.evidence,
          given_at: command.consent.given_at ?? null,
          ...(command.consent.age_band ? { age_band: command.consent.age_band } : {}),
        }
      : { ...command.settings };
  const result = await runAuditedCommand(deps, {
    user,
    origin,
    action: ACTIONS[command.kind],
    target: command.kind === 'record_consent' ? command.student : null,
    details: { correlation_id: correlationId, ...details },
    run: () => run(deps.engine, user, command, correlationId),
    describe: (answer) => ('status' in answer ? { status: answer.status } : {}),
  });
  // run() answers the shape its command's kind asks for; TypeScript cannot narrow C through the switch.
  return result as PrivacyAnswer<C>;
}
