import { z } from 'zod';
import { isDisabled, type AdminUser } from '../../../domain/admin-user';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../domain/password-policy';
import { ROLES } from '../../../domain/role';
import { displayNameSchema, presentUser, userSchema } from './user.schema';

const managedUserSchema = userSchema.extend({ disabled: z.boolean() });
export const presentManagedUser = (user: AdminUser) => ({ ...presentUser(user), disabled: isDisabled(user) });

export const userListSchema = z.object({ items: z.array(managedUserSchema) });
export const userResponseSchema = z.object({ user: managedUserSchema });
export const userIdParamsSchema = z.object({ id: z.uuid() });

const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const createUserBodySchema = z.strictObject({
  email: z.string().trim().pipe(z.email().max(254)),
  password,
  role: z.enum(ROLES),
  display_name: displayNameSchema.optional(),
});

// Strict: a misspelt field ({"disable": true}) is a 400, not a silent no-op that looks like success.
// display_name null clears the name; an empty one is refused, so clearing is always said outright.
export const updateUserBodySchema = z
  .strictObject({
    disabled: z.boolean().optional(),
    password: password.optional(),
    role: z.enum(ROLES).optional(),
    display_name: displayNameSchema.nullable().optional(),
  })
  .refine(
    (change) => Object.values(change).some((value) => value !== undefined),
    'name at least one of disabled, password, role, display_name',
  );
