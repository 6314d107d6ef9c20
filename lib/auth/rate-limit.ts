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
 * Counts one hit against `key` in a fixed window, in one statement (INSERT … ON CONFLICT …
 * RETURNING, the same SQL on SQLite and PostgreSQL): a read then an upsert would lose counts when
 * two requests interleave under PostgreSQL's READ COMMITTED. The counter lives in the database,
 * so every app instance sharing it enforces the same limit.
 */
export async function consumeRateLimit(
  prisma: PrismaClient,
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitResult> {
  const resetAt = new Date(now.getTime() + rule.windowMs);
  const [row] = await prisma.$queryRaw<{ count: number | bigint; resetAt: Date | string }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN excluded."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const count = Number(row?.count ?? 1);
  const windowEnd = new Date(row?.resetAt ?? resetAt);
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)),
  };
}

/** Forgets a key's hits (e.g. after a successful sign-in). */
export async function resetRateLimit(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}

/** Removes windows that have ended; called opportunistically. */
export async function purgeExpiredRateLimits(prisma: PrismaClient, now = new Date()): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { resetAt: { lte: now } } });
}
