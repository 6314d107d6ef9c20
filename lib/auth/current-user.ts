import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { prisma } from "../db/prisma";
import { getEnv } from "../env";
import { clientAddress, parseTrustedProxies, type TrustedProxies } from "../security/client-address";
import { peerAddressHeader } from "../http/node-server";
import { AuthError, hasPermission, type Permission } from "./permissions";
import { findSessionUser, SESSION_COOKIE, type SessionUser } from "./sessions";

/**
 * The signed-in, active user of this request, or null. Looked up once per request (React's
 * `cache`): the header's user menu and the page both ask.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return findSessionUser(prisma, token);
});

/** The current user if they hold the permission; AuthError(401/403) otherwise. Call inside every mutation. */
export async function requireUserWithPermission(permission: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError(401);
  if (!hasPermission(user, permission)) throw new AuthError(403);
  return user;
}

/** Cookies are Secure everywhere but on localhost, where development runs over plain http. */
export async function isSecureRequest(): Promise<boolean> {
  const requestHeaders = await headers();
  const host = (requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "").replace(/:\d+$/, "");
  const local = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  return !local || requestHeaders.get("x-forwarded-proto") === "https";
}

let trusted: { value: string; list: TrustedProxies } | undefined;

/** Who is asking, for per-client rate limits: the socket's peer, or what trusted proxies say. */
export async function clientKey(): Promise<string> {
  return clientKeyFrom(await headers());
}

/** The same for a route handler's own request headers. */
export function clientKeyFrom(requestHeaders: Pick<Headers, "get">): string {
  const value = getEnv().TRUSTED_PROXIES;
  if (trusted?.value !== value) trusted = { value, list: parseTrustedProxies(value) };
  const peerHeader = peerAddressHeader();
  return clientAddress(peerHeader ? requestHeaders.get(peerHeader) : null, requestHeaders.get("x-forwarded-for"), trusted.list);
}
