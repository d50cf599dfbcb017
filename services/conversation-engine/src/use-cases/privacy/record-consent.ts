import type { Actor, ConsentStatusView, StaffConsent } from '@app/contracts';
import { saveAgeBand, saveGuardianConsent } from '../../db/repositories/consent.repository';
import { lockConversationByStudent } from '../../db/repositories/conversations.repository';
import { EngineCommandError } from '../../domain/engine-error';
import type { SupportDeps } from '../shared/support-transaction';
import { consentView } from './consent-view';

/**
 * An admin records a guardian's consent given outside the chat, with the evidence they hold (and, if given,
 * the student's age band). Under the conversation's lock, like the student's own messages, so a consent
 * given in the chat at the same moment is not interleaved with this one. A date in the future is refused.
 */
export async function recordConsent(
  deps: SupportDeps,
  request: { actor: Actor; student: string; consent: StaffConsent },
): Promise<ConsentStatusView> {
  const now = deps.now();
  const { consent } = request;
  const givenAt = consent.given_at ? new Date(consent.given_at) : now;
  if (givenAt.getTime() > now.getTime() + 60_000) throw new EngineCommandError('invalid_request', 'consent cannot be given in the future');
  return deps.db.transaction().execute(async (trx) => {
    const conversation = await lockConversationByStudent(trx, request.student);
    if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
    if (consent.age_band) await saveAgeBand(trx, conversation.id, consent.age_band, now);
    await saveGuardianConsent(
      trx,
      conversation.id,
      {
        guardianName: consent.guardian_name,
        relationship: consent.relationship,
        contact: consent.contact,
        method: 'staff',
        evidence: consent.evidence,
        givenAt,
        recordedBy: request.actor.name,
      },
      now,
    );
    return consentView(trx, conversation.id);
  });
}
