import type { LabelView, MessageView } from '@app/contracts';
import type { AdminUser } from '../../../domain/admin-user';
import type { CannedReply } from '../../../domain/canned-reply';
import type { AddNoteInput } from '../../../use-cases/add-note';
import type { ManageCannedReplyInput } from '../../../use-cases/manage-canned-reply';
import type { RenderedCannedReply } from '../../../use-cases/render-canned-replies';
import type { LabelAnswer, LabelCommand, LabelCommandInput } from '../../../use-cases/run-label-command';

/** The agent tools' use cases (issue 14), bound by the composition root: notes, canned replies, labels. */
export interface AgentToolsDeps {
  addNote(input: AddNoteInput): Promise<MessageView>;
  listCannedReplies(): Promise<CannedReply[]>;
  manageCannedReply(input: ManageCannedReplyInput): Promise<CannedReply>;
  renderCannedReplies(input: {
    user: AdminUser;
    student: string;
    q?: string | undefined;
    correlationId: string;
  }): Promise<RenderedCannedReply[]>;
  listLabels(input: { user: AdminUser; correlationId: string }): Promise<LabelView[]>;
  runLabelCommand<C extends LabelCommand>(input: LabelCommandInput<C>): Promise<LabelAnswer<C>>;
}
