import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../../domain/password-policy';
import { displayNameSchema, userSchema } from './user.schema';

export const loginRequestSchema = z.object({
  email: z.string().trim().pipe(z.email().max(254)),
  // No length policy at login (old passwords may predate it); only the cap that bounds argon2's work.
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const loginResponseSchema = z.object({
  token: z.string(),
  expires_at: z.iso.datetime(),
  user: userSchema,
});

export const currentUserResponseSchema = z.object({
  user: userSchema,
});

// Only the name: role, password and disabling stay with admins (PATCH /api/admin/users/{id}). null clears it.
export const updateCurrentUserBodySchema = z.strictObject({
  display_name: displayNameSchema.nullable(),
});
