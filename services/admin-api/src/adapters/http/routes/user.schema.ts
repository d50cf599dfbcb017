import { z } from 'zod';
import type { AdminUser } from '../../../domain/admin-user';
import { displayNameSchema as displayNameRule } from '../../../domain/display-name';
import { ROLES } from '../../../domain/role';

export const displayNameSchema = displayNameRule.meta({ description: 'the name students and colleagues see' });

/** A user as clients see it. Built field by field, so nothing else on the object can ride along. */
export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  display_name: z.string().nullable().meta({ description: 'null: shown to students and colleagues as the local part of the email' }),
});

export type UserResponse = z.infer<typeof userSchema>;

export const presentUser = (user: AdminUser): UserResponse => ({
  id: user.id,
  email: user.email,
  role: user.role,
  display_name: user.displayName,
});
