"use server";

import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { failedWrite } from "@/lib/actions/run-mutation";
import { clientKey, getCurrentUser, isSecureRequest } from "@/lib/auth/current-user";
import { deleteSession, deleteUserSessions, SESSION_COOKIE } from "@/lib/auth/sessions";
import { safeReturnPath } from "@/lib/auth/return-path";
import { signIn } from "@/lib/auth/sign-in";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { prisma } from "@/lib/db/prisma";
import { fieldErrors, keepSent } from "@/lib/forms/form-data";
import { getPathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

function localized(formData: FormData, href: string): string {
  return getPathname({ href, locale: localeSchema.parse(formData.get("locale")) });
}

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  // The e-mail comes back with a refusal (never the password), for a form sent before hydration.
  return keepSent(formData, await signInOrRefuse(formData));
}

async function signInOrRefuse(formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email") ?? "", password: formData.get("password") ?? "" });
  if (!parsed.success) return { status: "error", message: "fixFields", fieldErrors: fieldErrors(parsed.error) };
  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn(prisma, parsed.data, await clientKey());
  } catch (error) {
    return failedWrite(error, { action: "sign-in" });
  }
  if (!result.ok) {
    if (result.reason === "rate_limited")
      return { status: "error", message: "rateLimited", messageValues: { minutes: Math.ceil(result.retryAfterSeconds / 60) } };
    return { status: "error", message: result.reason === "deactivated" ? "accountDeactivated" : "invalidCredentials" };
  }
  (await cookies()).set(SESSION_COOKIE, result.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isSecureRequest(),
    path: "/",
    expires: result.expiresAt,
  });
  redirect(safeReturnPath(formData.get("next")) ?? localized(formData, "/editor"));
}

async function clearSessionCookie() {
  (await cookies()).delete(SESSION_COOKIE);
}

export async function signOutAction(formData: FormData): Promise<void> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) await deleteSession(prisma, token);
  await clearSessionCookie();
  redirect(localized(formData, "/"));
}

/** Ends every session of the signed-in user, on every device. */
export async function signOutEverywhereAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (user) await deleteUserSessions(prisma, user.id);
  await clearSessionCookie();
  redirect(localized(formData, "/sign-in"));
}
