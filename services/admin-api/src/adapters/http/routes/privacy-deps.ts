import type { ConsentSettings, ConsentStatusView, RetentionPreview } from '@app/contracts';
import type { AdminUser } from '../../../domain/admin-user';
import type { RequestOrigin } from '../../../domain/audit';
import type { PrivacyAnswer, PrivacyCommand, PrivacyCommandInput } from '../../../use-cases/run-privacy-command';

/** Privacy's use cases (issue 15), bound by the composition root: consent, retention, staff reads. */
export interface PrivacyDeps {
  consentSettings(input: { user: AdminUser; correlationId: string }): Promise<ConsentSettings>;
  consent(input: { user: AdminUser; student: string; correlationId: string }): Promise<ConsentStatusView>;
  retention(input: { user: AdminUser; correlationId: string }): Promise<RetentionPreview>;
  run<C extends PrivacyCommand>(input: PrivacyCommandInput<C>): Promise<PrivacyAnswer<C>>;
  /** An admin opened a student's thread; answers whether an entry was written (false: coalesced with a recent one). */
  recordThreadView(input: { user: AdminUser; origin: RequestOrigin; student: string; correlationId: string }): Promise<boolean>;
}
