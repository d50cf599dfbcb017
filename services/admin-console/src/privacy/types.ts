import type { paths } from '../api/openapi.gen';

// Privacy's shapes (issue 15), read off the generated OpenAPI types like api/types.ts.

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type BodyOf<T> = T extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

export type ConsentSettings = JsonOf<paths['/api/admin/privacy/consent-settings']['get']['responses'][200]>;
export type ConsentStatus = JsonOf<paths['/api/admin/conversations/{student}/consent']['get']['responses'][200]>;
export type StaffConsent = BodyOf<paths['/api/admin/conversations/{student}/consent']['post']>;
export type RetentionPreview = JsonOf<paths['/api/admin/privacy/retention']['get']['responses'][200]>;
export type RetentionSettings = RetentionPreview['settings'];
export type AgeBand = ConsentSettings['guardian_consent_bands'][number];
export type Relationship = StaffConsent['relationship'];

export const AGE_BANDS: readonly AgeBand[] = ['under_13', '13_15', '16_17', '18_plus'];
export const AGE_LABELS: Record<AgeBand, string> = {
  under_13: 'Under 13',
  '13_15': '13 to 15',
  '16_17': '16 or 17',
  '18_plus': '18 or over',
};
export const RELATIONSHIPS: readonly Relationship[] = ['parent', 'guardian', 'other'];
export const RELATIONSHIP_LABELS: Record<Relationship, string> = { parent: 'Parent', guardian: 'Guardian', other: 'Other' };
export const STATUS_LABELS: Record<ConsentStatus['status'], string> = {
  not_required: 'Consent not required',
  pending: 'Consent pending',
  given: 'Consent given',
  age_unknown: 'Age group unknown',
};
