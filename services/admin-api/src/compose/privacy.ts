import type { Kysely } from '@app/db';
import type { Database } from '../db/database';
import { insertViewUnlessRecent } from '../db/repositories/thread-views.repository';
import type { PrivacyDeps } from '../adapters/http/routes/privacy-deps';
import { actorOf } from '../domain/actor';
import type { EngineGateway } from '../domain/engine-gateway';
import type { AuditedCommandDeps } from '../use-cases/run-audited-command';
import { runPrivacyCommand } from '../use-cases/run-privacy-command';
import { recordThreadView } from '../use-cases/record-thread-view';

/** Privacy's use cases bound to their clients (http-deps.ts's part for issue 15's consent, retention and staff reads). */
export function composePrivacy({
  db,
  engine,
  audited,
}: {
  db: Kysely<Database>;
  engine: EngineGateway;
  audited: AuditedCommandDeps;
}): PrivacyDeps {
  return {
    consentSettings: ({ user, correlationId }) => engine.getConsentSettings({ actor: actorOf(user) }, correlationId),
    consent: ({ user, student, correlationId }) => engine.getConsent({ actor: actorOf(user), student }, correlationId),
    retention: ({ user, correlationId }) => engine.getRetention({ actor: actorOf(user) }, correlationId),
    run: (input) => runPrivacyCommand({ ...audited, engine }, input),
    recordThreadView: (input) =>
      recordThreadView({ recordViewUnlessRecent: (entry, within) => insertViewUnlessRecent(db, entry, within) }, input),
  };
}
