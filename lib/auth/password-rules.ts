/**
 * Password length limits, apart from the hashing (lib/auth/password.ts) so that the browser's copy
 * of a form's schema does not pull in node:crypto: its browser polyfill probes `Function(...)` at
 * load, a CSP `eval` violation on every page with a password field.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
