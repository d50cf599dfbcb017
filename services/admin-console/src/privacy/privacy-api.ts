import type { Client } from 'openapi-fetch';
import type { paths } from '../api/openapi.gen';
import type { ConsentSettings, RetentionSettings, StaffConsent } from './types';

type Unwrap = <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) => Promise<T>;

/** Privacy's admin-api calls (issue 15), part of the console's API object. */
export function privacyApi(client: Client<paths>, unwrap: Unwrap) {
  const student = (key: string) => ({ path: { student: key } });
  return {
    consentSettings: () => unwrap(client.GET('/api/admin/privacy/consent-settings')),
    setConsentSettings: (settings: ConsentSettings) => unwrap(client.PUT('/api/admin/privacy/consent-settings', { body: settings })),
    consent: (key: string) => unwrap(client.GET('/api/admin/conversations/{student}/consent', { params: student(key) })),
    recordConsent: (key: string, consent: StaffConsent) =>
      unwrap(client.POST('/api/admin/conversations/{student}/consent', { params: student(key), body: consent })),
    retention: () => unwrap(client.GET('/api/admin/privacy/retention')),
    setRetention: (settings: RetentionSettings) => unwrap(client.PUT('/api/admin/privacy/retention', { body: settings })),
  };
}
