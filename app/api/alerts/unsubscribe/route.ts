import { errorResponse, handle, jsonResponse } from "@/lib/api/http";
import { alertTokenSchema } from "@/lib/alerts/alert-schemas";
import { unsubscribeAlert } from "@/lib/alerts/unsubscribe-alert";
import { clientKeyFrom } from "@/lib/auth/current-user";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { prisma } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: mail programs POST `List-Unsubscribe=One-Click` to the
 * address in every alert's List-Unsubscribe header. They send no Origin and no cookie, so
 * proxy.ts lets this one POST through; the token alone decides, and it can only unsubscribe.
 */
export function POST(request: Request): Promise<Response> {
  return handle(request, () => unsubscribe(request));
}

async function unsubscribe(request: Request): Promise<Response> {
  // The socket's peer, or what a trusted proxy says: a rotated X-Forwarded-For buys no more tries.
  const client = clientKeyFrom(request.headers);
  const limit = await consumeRateLimit(prisma, `public:oneClickUnsubscribe:client:${client}`, { limit: 60, windowMs: 60 * 60 * 1000 });
  if (!limit.allowed) return errorResponse(429, "Too many requests", [{ parameter: "token", message: `try again in ${limit.retryAfterSeconds} s` }]);
  const token = alertTokenSchema.safeParse(new URL(request.url).searchParams.get("token") ?? "");
  if (!token.success) return errorResponse(400, "Invalid parameter: token", [{ parameter: "token", message: "must be the token from the alert's link" }]);
  const removed = await unsubscribeAlert(prisma, token.data);
  return jsonResponse({ unsubscribed: true, removed }, 200, { "Cache-Control": "no-store" });
}

export function GET(): Response {
  return errorResponse(405, "Use POST (RFC 8058 one-click) or the unsubscribe link in the message", [], { Allow: "POST" });
}
