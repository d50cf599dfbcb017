import type { Kysely } from '@app/db';
import * as cannedReplies from '../db/repositories/canned-reply.repository';
import type { Database } from '../db/database';
import type { AgentToolsDeps } from '../adapters/http/routes/agent-tools-deps';
import { actorOf } from '../domain/actor';
import type { EngineGateway } from '../domain/engine-gateway';
import { addNote } from '../use-cases/add-note';
import { manageCannedReply } from '../use-cases/manage-canned-reply';
import { renderCannedReplies } from '../use-cases/render-canned-replies';
import type { AuditedCommandDeps } from '../use-cases/run-audited-command';
import { runLabelCommand } from '../use-cases/run-label-command';

/** The agent tools' use cases bound to their clients (http-deps.ts's part for issue 14). */
export function composeAgentTools({
  db,
  engine,
  audited,
}: {
  db: Kysely<Database>;
  engine: EngineGateway;
  audited: AuditedCommandDeps;
}): AgentToolsDeps {
  const listCannedReplies = () => cannedReplies.listCannedReplies(db);
  const store = {
    insert: (reply: Parameters<typeof cannedReplies.insertCannedReply>[1], max: number) => cannedReplies.insertCannedReply(db, reply, max),
    update: (id: string, change: Parameters<typeof cannedReplies.updateCannedReply>[2]) => cannedReplies.updateCannedReply(db, id, change),
    remove: (id: string) => cannedReplies.deleteCannedReply(db, id),
  };
  return {
    addNote: (input) => addNote({ ...audited, engine }, input),
    listCannedReplies,
    manageCannedReply: (input) => manageCannedReply({ ...audited, store }, input),
    renderCannedReplies: (input) => renderCannedReplies({ engine, listCannedReplies }, input),
    listLabels: async ({ user, correlationId }) => (await engine.listLabels({ actor: actorOf(user) }, correlationId)).items,
    runLabelCommand: (input) => runLabelCommand({ ...audited, engine }, input),
  };
}
