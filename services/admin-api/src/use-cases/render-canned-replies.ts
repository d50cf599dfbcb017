import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import { renderCannedReply, type CannedReply } from '../domain/canned-reply';
import type { EngineGateway } from '../domain/engine-gateway';

export interface RenderedCannedReply extends CannedReply {
  /** The body with its placeholders filled for this student and the calling agent: what the composer's box gets. */
  text: string;
}

/**
 * The team's canned replies as the calling agent would send them to this student, optionally only those whose
 * shortcut or title holds `q` (any case). The student's name and class come from the engine (not_found for a
 * student who never wrote), the agent's name is the one students see on their messages.
 */
export async function renderCannedReplies(
  deps: { engine: Pick<EngineGateway, 'studentProfile'>; listCannedReplies(): Promise<CannedReply[]> },
  input: { user: AdminUser; student: string; q?: string | undefined; correlationId: string },
): Promise<RenderedCannedReply[]> {
  const actor = actorOf(input.user);
  const [profile, replies] = await Promise.all([
    deps.engine.studentProfile({ actor, student: input.student }, input.correlationId),
    deps.listCannedReplies(),
  ]);
  const q = input.q?.trim().toLowerCase();
  const matching = q ? replies.filter((r) => r.shortcut.includes(q) || r.title.toLowerCase().includes(q)) : replies;
  const values = { student_name: profile.student_name, agent_name: actor.name, class: profile.class_name };
  return matching.map((reply) => ({ ...reply, text: renderCannedReply(reply.body, values) }));
}
