import {
  consentSettingsSchema,
  consentStatusSchema,
  retentionPreviewSchema,
  retentionSettingsSchema,
  staffConsentSchema,
} from '@app/contracts';

// Privacy (issue 15): the engine's own shapes (libs/contracts privacy.schema.ts), validated here first so a
// bad body is a 400 with every problem named before anything reaches the engine.
export const consentSettingsBodySchema = consentSettingsSchema;
export const consentSettingsResponseSchema = consentSettingsSchema;
export const staffConsentBodySchema = staffConsentSchema;
export const consentResponseSchema = consentStatusSchema;
export const retentionBodySchema = retentionSettingsSchema;
export const retentionResponseSchema = retentionPreviewSchema;
