import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { PASSWORD_MAX_LENGTH, verifyAgainstDummy, verifyPassword } from "./password";
import { consumeRateLimit, purgeExpiredRateLimits, resetRateLimit, type RateLimitRule } from "./rate-limit";
import { createSession, purgeExpiredSessions, type SessionUser } from "./sessions";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { error: "required" }).max(254, { error: "tooLong" }).pipe(z.email({ error: "invalidEmail" })),
  password: z
    .string()
    .min(1, { error: "required" })
    .max(PASSWORD_MAX_LENGTH, { error: "tooLong" })
    // scrypt's HMAC pads short keys with zero bytes, so "secret\0" would verify as "secret"; no password holds U+0000.
    .refine((password) => !password.includes("\u0000"), { error: "invalid" }),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const SIGN_IN_LIMITS: { perAccount: RateLimitRule; perClient: RateLimitRule } = {
  perAccount: { limit: 5, windowMs: 15 * 60 * 1000 },
  perClient: { limit: 30, windowMs: 15 * 60 * 1000 },
};

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks a password. Every failure (unknown e-mail, wrong password, deactivated
 * account) gives the same answer, after the same amount of hashing work. Attempts are
 * limited per account and per client before any password is checked.
 */
export async function signIn(prisma: PrismaClient, input: SignInInput, clientKey: string): Promise<SignInResult> {
  const accountKey = `sign-in:account:${input.email}`;
  const client = await consumeRateLimit(prisma, `sign-in:client:${clientKey}`, SIGN_IN_LIMITS.perClient);
  const account = await consumeRateLimit(prisma, accountKey, SIGN_IN_LIMITS.perAccount);
  if (!client.allowed || !account.allowed) {
    return { ok: false, reason: "rate_limited", retryAfterSeconds: Math.max(client.allowed ? 0 : client.retryAfterSeconds, account.allowed ? 0 : account.retryAfterSeconds) };
  }

  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, displayName: true, role: true, active: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstDummy(input.password);
  if (!user || !valid || !user.active) return { ok: false, reason: "invalid" };

  await resetRateLimit(prisma, accountKey);
  await purgeExpiredSessions(prisma);
  await purgeExpiredRateLimits(prisma);
  const session = await createSession(prisma, user.id);
  return { ok: true, ...session, user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role } };
}
