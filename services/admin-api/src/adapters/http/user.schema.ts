import { z } from 'zod';
import type { AdminUser } from '../../domain/admin-user';
import { ROLES } from '../../domain/role';

/** A user as clients see it. Built field by field, so nothing else on the object can ride along. */
export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
});

export type UserResponse = z.infer<typeof userSchema>;

export const presentUser = (user: AdminUser): UserResponse => ({ id: user.id, email: user.email, role: user.role });
