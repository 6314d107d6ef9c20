import { cookies } from "next/headers";
import { findSessionUser, SESSION_COOKIE } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db/prisma";

/**
 * GET /api/session: whether the request's session cookie names a live session of an active
 * account — `X-Session-Confirmed: 1` or `0`, and the same as JSON. The caching front asks this
 * before it lets a request with a session cookie past its cache (deploy/nginx.conf): a cookie
 * that is merely named like ours gets the shared anonymous copy. Says nothing about who it is.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const user = await findSessionUser(prisma, (await cookies()).get(SESSION_COOKIE)?.value);
  const confirmed = user ? "1" : "0";
  return Response.json({ signedIn: user !== null }, { headers: { "X-Session-Confirmed": confirmed, "Cache-Control": "no-store" } });
}
