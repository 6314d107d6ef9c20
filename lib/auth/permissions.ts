import type { UserRole } from "../domain/vocabulary";
import { DomainError } from "../errors/domain-error";

/** Every permission the app checks, and which roles hold it. The public holds none. */
export const PERMISSIONS = {
  "account:manage": ["editor", "admin"],
  "initiative:edit": ["editor", "admin"],
  "score:set": ["editor", "admin"],
  "history:review": ["editor", "admin"],
  "source:add": ["editor", "admin"],
  "suggestion:review": ["editor", "admin"],
  "initiative:merge": ["admin"],
  "users:manage": ["admin"],
  "settings:manage": ["admin"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(user: { role: UserRole } | null, permission: Permission): boolean {
  return user !== null && (PERMISSIONS[permission] as readonly UserRole[]).includes(user.role);
}

export class AuthError extends DomainError<"signInRequired" | "forbidden"> {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "signInRequired" : "forbidden", undefined, status === 401 ? "Sign in first." : "Your account may not do this.");
  }
}
