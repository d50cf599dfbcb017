import type { OutboundMessageInput } from '@app/contracts';

/**
 * The approved template that reopens a conversation after the 24-hour window closed (configured, since it
 * must exist in the school's WhatsApp Business account): its name, language and whether its body takes the
 * student's name as its one parameter ({{1}}).
 */
export interface ReengagementTemplate {
  name: string;
  language: string;
  params: 'none' | 'student_name';
}

/** Used for {{1}} when the student never registered and WhatsApp gave no profile name. */
export const UNKNOWN_STUDENT_NAME = 'there';

export function reengagementMessage(template: ReengagementTemplate, student: { name: string | null }): OutboundMessageInput {
  const bodyParameters = template.params === 'student_name' ? [student.name?.trim() || UNKNOWN_STUDENT_NAME] : [];
  return { kind: 'template', name: template.name, language: template.language, bodyParameters };
}
