import type { PrismaClient } from "../generated/prisma/client";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window. The counter lives in the database,
 * inside one write transaction, so every app instance sharing it enforces the same limit.
 */
export async function consumeRateLimit(
  prisma: PrismaClient,
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitResult> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.rateLimit.findUnique({ where: { key } });
    const fresh = !current || current.resetAt <= now;
    const count = fresh ? 1 : current.count + 1;
    const resetAt = fresh ? new Date(now.getTime() + rule.windowMs) : current.resetAt;
    await tx.rateLimit.upsert({ where: { key }, create: { key, count, resetAt }, update: { count, resetAt } });
    return {
      allowed: count <= rule.limit,
      remaining: Math.max(0, rule.limit - count),
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
    };
  });
}

/** Forgets a key's hits (e.g. after a successful sign-in). */
export async function resetRateLimit(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}

/** Removes windows that have ended; called opportunistically. */
export async function purgeExpiredRateLimits(prisma: PrismaClient, now = new Date()): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { resetAt: { lte: now } } });
}
