import { vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';
import type { RetentionPreview } from '../privacy/types';

type PrivacyCalls = Pick<ConsoleApi, 'consentSettings' | 'setConsentSettings' | 'consent' | 'recordConsent' | 'retention' | 'setRetention'>;

export const retentionOff: RetentionPreview = {
  settings: { enabled: false, days: 365 },
  cutoff: null,
  due: { conversations: 0, messages: 0, media: 0 },
  due_capped: false,
  oldest_due_activity_at: null,
  next_run_at: null,
  last_run_at: null,
  last_run_deleted: null,
  updated_at: null,
  updated_by: null,
};

/** fakeApi's privacy calls: nothing asked, no consent needed, retention off, and commands that never answer. */
export function fakePrivacy(): PrivacyCalls {
  const pending = () => new Promise<never>(() => undefined);
  return {
    consentSettings: vi.fn(() => Promise.resolve({ ask_age_band: false, guardian_consent_bands: [] })),
    setConsentSettings: vi.fn(pending),
    consent: vi.fn(() => Promise.resolve({ age_band: null, status: 'not_required' as const, consent: null })),
    recordConsent: vi.fn(pending),
    retention: vi.fn(() => Promise.resolve(retentionOff)),
    setRetention: vi.fn(pending),
  };
}
