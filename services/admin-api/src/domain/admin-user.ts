import type { Role } from './role';

/** An admin-console identity as the rest of the service sees it: never carries the password hash. */
export interface AdminUser {
  id: string;
  email: string;
  role: Role;
  /** What students and colleagues see when set; null falls back to the email's local part (actorOf). */
  displayName: string | null;
  disabledAt: Date | null;
}

/** What login needs to check a password; kept apart from AdminUser so the hash cannot leak by accident. */
export interface UserCredentials {
  user: AdminUser;
  passwordHash: string;
}

export interface NewAdminUser {
  email: string;
  passwordHash: string;
  role: Role;
  displayName: string | null;
}

/**
 * Emails are compared case-insensitively (the database enforces it with a unique index on lower(email)), so
 * they are stored and looked up in one canonical form.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const isDisabled = (user: AdminUser): boolean => user.disabledAt !== null;
