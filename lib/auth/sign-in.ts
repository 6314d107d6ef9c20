import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { SignInInput } from "./sign-in-schema";
import {
  backoffWait,
  consumeRateLimit,
  purgeExpiredRateLimits,
  recordBackoffFailure,
  resetRateLimit,
  type BackoffRule,
  type RateLimitRule,
} from "./rate-limit";
import { createSession, purgeExpiredSessions, type SessionUser } from "./sessions";

/**
 * Wrong passwords back off per account and client (5 free, then 1, 2, 4 … minutes, at most 15), so
 * a stranger cannot lock an editor out from elsewhere; the per-account ceiling only stops a spread
 * attack from many addresses, and the per-client limit one client guessing many accounts.
 */
export const SIGN_IN_LIMITS: { perPair: BackoffRule; perAccount: RateLimitRule; perClient: RateLimitRule } = {
  perPair: { free: 5, baseMs: 60 * 1000, maxMs: 15 * 60 * 1000, forgetMs: 15 * 60 * 1000 },
  perAccount: { limit: 100, windowMs: 15 * 60 * 1000 },
  perClient: { limit: 30, windowMs: 15 * 60 * 1000 },
};

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; user: SessionUser }
  | { ok: false; reason: "invalid" | "deactivated" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks a password. An unknown e-mail and a wrong password give the same answer after the same
 * hashing work; only the right password of a deactivated account learns that it is deactivated.
 * Limits are checked before any password.
 */
export async function signIn(prisma: PrismaClient, input: SignInInput, clientKey: string): Promise<SignInResult> {
  const pairKey = `sign-in:pair:${clientKey}:${input.email}`;
  const clientLimitKey = `sign-in:client:${clientKey}`;
  const pairWait = await backoffWait(prisma, pairKey);
  if (pairWait > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: pairWait };
  const client = await consumeRateLimit(prisma, clientLimitKey, SIGN_IN_LIMITS.perClient);
  const account = await consumeRateLimit(prisma, `sign-in:account:${input.email}`, SIGN_IN_LIMITS.perAccount);
  if (!client.allowed || !account.allowed) {
    return {
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: Math.max(client.allowed ? 0 : client.retryAfterSeconds, account.allowed ? 0 : account.retryAfterSeconds),
    };
  }

  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, displayName: true, role: true, active: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await recordBackoffFailure(prisma, pairKey, SIGN_IN_LIMITS.perPair);
    return { ok: false, reason: "invalid" };
  }
  if (!user.active) return { ok: false, reason: "deactivated" };

  await resetRateLimit(prisma, pairKey);
  await resetRateLimit(prisma, clientLimitKey);
  await purgeExpiredSessions(prisma);
  await purgeExpiredRateLimits(prisma, new Date(), SIGN_IN_LIMITS.perPair.forgetMs);
  const session = await createSession(prisma, user.id);
  return { ok: true, ...session, user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role } };
}
