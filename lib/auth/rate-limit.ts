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
export async function consumeRateLimit(prisma: PrismaClient, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
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

/** Removes windows that have ended (back-off keys once forgotten); called opportunistically. */
export async function purgeExpiredRateLimits(prisma: PrismaClient, now = new Date(), keepBackoffMs = 0): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { resetAt: { lte: new Date(now.getTime() - keepBackoffMs) } } });
}

/**
 * Consecutive failures under one key with exponential back-off: the first `free` failures cost
 * nothing; each one after them locks the key for baseMs · 2^(n − free − 1), at most maxMs. A key
 * is forgotten `forgetMs` after its lock ends. Stored as count = failures, resetAt = locked until.
 */
export interface BackoffRule {
  free: number;
  baseMs: number;
  maxMs: number;
  forgetMs: number;
}

/** Seconds until the key may try again; 0 when it is not locked. */
export async function backoffWait(prisma: PrismaClient, key: string, now = new Date()): Promise<number> {
  const current = await prisma.rateLimit.findUnique({ where: { key } });
  if (!current || current.resetAt <= now) return 0;
  return Math.max(1, Math.ceil((current.resetAt.getTime() - now.getTime()) / 1000));
}

export async function recordBackoffFailure(prisma: PrismaClient, key: string, rule: BackoffRule, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const current = await tx.rateLimit.findUnique({ where: { key } });
    const forgotten = !current || current.resetAt.getTime() + rule.forgetMs <= now.getTime();
    const count = forgotten ? 1 : current.count + 1;
    const lockMs = count > rule.free ? Math.min(rule.maxMs, rule.baseMs * 2 ** (count - rule.free - 1)) : 0;
    const resetAt = new Date(now.getTime() + lockMs);
    await tx.rateLimit.upsert({ where: { key }, create: { key, count, resetAt }, update: { count, resetAt } });
  });
}
