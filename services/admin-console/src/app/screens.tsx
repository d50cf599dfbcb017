import type { ReactNode } from 'react';
import { AuditPage } from '../audit/audit-page';
import { ConversationsPage } from '../conversations/conversations-page';
import { isStudentKey } from '../conversations/student';
import { DashboardPage } from '../dashboard/dashboard-page';
import { ParkedEventsPage } from '../parked/parked-events-page';
import { useParkedCount } from '../parked/use-parked-count';
import { UsersPage } from '../users/users-page';
import { CannedRepliesPage } from '../canned-replies/canned-replies-page';
import { LabelsPage } from '../labels/labels-page';
import { OfficeHoursPage } from '../office-hours/office-hours-page';
import { PrivacyPage } from '../privacy/privacy-page';
import { ReportsPage } from '../reports/reports-page';

/** What a screen gets from the shell: the match of its address and the dashboard's alert switch. */
interface ScreenProps {
  match: ScreenMatch;
  alerts: boolean;
  onAlerts(enabled: boolean): void;
}

/** The screen an address names, with what the address carries (the conversations' `student`). */
export type ScreenMatch = { name: string; student?: string | null };

export interface ScreenEntry {
  name: string;
  /** The nav's label and link. */
  label: string;
  to: string;
  /** Only admins are offered it; admin-api refuses agents the data anyway (403). */
  adminOnly?: boolean;
  /** The address's other fields when it names this screen, else null. */
  match(path: string): Omit<ScreenMatch, 'name'> | null;
  render(props: ScreenProps): ReactNode;
  /** A count beside the label (hooks allowed: it is rendered as a component), null for none. */
  useBadge?(enabled: boolean, screen: string): string | null;
}

const exactly =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path) ? {} : null;

/**
 * Every screen of the console, in nav order: the nav, the router and the role check are built from this list,
 * so a new screen is one entry here.
 */
export const SCREENS: readonly ScreenEntry[] = [
  {
    name: 'dashboard',
    label: 'Dashboard',
    to: '/',
    match: exactly('/', '/dashboard'),
    render: ({ alerts, onAlerts }) => <DashboardPage alerts={alerts} onAlerts={onAlerts} />,
  },
  {
    name: 'conversations',
    label: 'Conversations',
    to: '/conversations',
    match: (path) => {
      const conversation = /^\/conversations(?:\/([^/]+))?\/?$/.exec(path);
      // `{student}`: phone digits or a business-scoped user id (the key of conversations/student.ts).
      if (!conversation || (conversation[1] !== undefined && !isStudentKey(conversation[1]))) return null;
      return { student: conversation[1] ?? null };
    },
    render: ({ match }) => <ConversationsPage student={match.student ?? null} />,
  },
  { name: 'users', label: 'Agents', to: '/agents', adminOnly: true, match: exactly('/agents'), render: () => <UsersPage /> },
  { name: 'office-hours', label: 'Office hours', to: '/office-hours', match: exactly('/office-hours'), render: () => <OfficeHoursPage /> },
  {
    name: 'canned-replies',
    label: 'Canned replies',
    to: '/canned-replies',
    adminOnly: true,
    match: exactly('/canned-replies'),
    render: () => <CannedRepliesPage />,
  },
  { name: 'labels', label: 'Labels', to: '/labels', adminOnly: true, match: exactly('/labels'), render: () => <LabelsPage /> },
  { name: 'privacy', label: 'Privacy', to: '/privacy', adminOnly: true, match: exactly('/privacy'), render: () => <PrivacyPage /> },
  { name: 'reports', label: 'Reports', to: '/reports', match: exactly('/reports'), render: () => <ReportsPage /> },
  { name: 'audit', label: 'Audit log', to: '/audit', adminOnly: true, match: exactly('/audit'), render: () => <AuditPage /> },
  {
    name: 'parked',
    label: 'Parked events',
    to: '/parked-events',
    adminOnly: true,
    match: exactly('/parked-events'),
    render: () => <ParkedEventsPage />,
    useBadge: useParkedCount,
  },
];

export function screenOf(path: string): ScreenMatch {
  for (const screen of SCREENS) {
    const match = screen.match(path);
    if (match) return { name: screen.name, ...match };
  }
  return { name: 'missing' };
}
