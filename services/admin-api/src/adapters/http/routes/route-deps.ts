import type { ConversationView, MessageView, ParkedEventView, TypingIndicatorResult } from '@app/contracts';
import type { z } from 'zod';
import type { AdminUser } from '../../../domain/admin-user';
import type { StoredAuditEntry } from '../../../domain/audit';
import type { EngineGateway } from '../../../domain/engine-gateway';
import type { SenderData, SenderGateway } from '../../../domain/sender-gateway';
import type { CreateUserInput } from '../../../use-cases/create-user';
import type { LoginInput, LoginResult } from '../../../use-cases/login';
import type { MediaFile } from '../../../use-cases/open-media';
import type { ParkedEventCommandInput } from '../../../use-cases/parked-event-command';
import type { ChatCommandInput } from '../../../use-cases/run-chat-command';
import type { SendChatMessageInput } from '../../../use-cases/send-chat-message';
import type { IndicateTypingInput } from '../../../use-cases/indicate-typing';
import type { SendTemplateInput } from '../../../use-cases/send-template';
import type { RequestOrigin } from '../../../domain/audit';
import type { UpdateUserInput } from '../../../use-cases/update-user';
import type { AuditQuery } from '../../../db/repositories/audit-log.repository';
import type { openApiDocumentSchema } from './openapi.schema';
import type { EventStreams } from '../framework/sse-hub';
import type { AgentToolsDeps } from './agent-tools-deps';
import type { PrivacyDeps } from './privacy-deps';
import type { OfficeHoursDeps } from './office-hours-deps';
import type { AssignmentDeps } from './assignment-deps';
import type { StudentDataDeps } from './student-data-deps';
import type { InsightDeps } from './insight-deps';

/** The use cases, bound to their dependencies by the composition root, that route handlers call. */
export interface RouteDeps {
  login(input: LoginInput): Promise<LoginResult>;
  /** Queries go straight to the engine: there is nothing to decide or audit on the way. */
  engine: Pick<EngineGateway, 'listConversations' | 'listMessages' | 'stats' | 'listParkedEvents' | 'listAgents' | 'getAssignmentSettings'>;
  runChatCommand(input: ChatCommandInput): Promise<ConversationView>;
  runParkedEventCommand(input: ParkedEventCommandInput): Promise<ParkedEventView>;
  sendChatMessage(input: SendChatMessageInput): Promise<MessageView>;
  sendTemplate(input: SendTemplateInput): Promise<MessageView>;
  indicateTyping(input: IndicateTypingInput): Promise<TypingIndicatorResult>;
  openMedia(input: { user: AdminUser; messageId: string; correlationId: string }): Promise<MediaFile>;
  /** whatsapp-sender's queries, straight through like the engine's. */
  sender: Pick<SenderGateway, 'listDeadLetters' | 'status'>;
  retryDeadLetter(input: {
    user: AdminUser;
    origin: RequestOrigin;
    correlationId: string;
    messageId: string;
  }): Promise<SenderData<'retryDeadLetter'>>;
  resumeSending(input: { user: AdminUser; origin: RequestOrigin; correlationId: string }): Promise<SenderData<'resume'>>;
  listUsers(): Promise<AdminUser[]>;
  createUser(input: CreateUserInput): Promise<AdminUser>;
  updateUser(input: UpdateUserInput): Promise<AdminUser>;
  listAudit(query: AuditQuery): Promise<{ items: StoredAuditEntry[]; nextBeforeId: number | null }>;
  issueEventsTicket(user: AdminUser): Promise<{ ticket: string; expiresAt: Date }>;
  events: EventStreams;
  openApiDocument(): z.output<typeof openApiDocumentSchema>;
  /** Notes, canned replies, labels (issue 14). */
  agentTools: AgentToolsDeps;
  /** The office-hours schedule and closures (issue 14). */
  officeHours: OfficeHoursDeps;
  /** Availability, capacity, assign / hand back, auto-reassign settings (issue 14). */
  assignment: AssignmentDeps;
  /** Transcripts, subject access export, erasure (issue 15). */
  studentData: StudentDataDeps;
  /** Support reports and the satisfaction survey's settings (issue 15). */
  insight: InsightDeps;
  /** Consent, retention, staff reads (issue 15). */
  privacy: PrivacyDeps;
}
