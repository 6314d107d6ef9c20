import "server-only";
import { redirect } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { getCurrentUser } from "./current-user";
import { hasPermission, type Permission } from "./permissions";
import type { SessionUser } from "./sessions";

/** For editor and admin pages: anonymous visitors go to sign-in; others get null when not allowed. */
export async function userForPage(permission: Permission, locale: Locale): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await getCurrentUser();
  if (!user) redirect({ href: "/sign-in", locale });
  return { user: user!, allowed: hasPermission(user, permission) };
}
