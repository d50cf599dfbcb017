/** New passwords (bootstrap admin now, the users API later) must be at least this long (NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 8;

/**
 * Upper bound on any password we hash or verify: argon2 cost grows with input, so an unbounded field would
 * let one request burn CPU. Far above what any password manager generates.
 */
export const PASSWORD_MAX_LENGTH = 1024;
