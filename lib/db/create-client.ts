import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client";
import { createAdapter, type SqliteSynchronous } from "./open-database";
import { createPostgresAdapter } from "./postgres-adapter";
import { databaseProvider } from "./provider";
import { timedAdapter } from "./timed-adapter";

/**
 * The client for the URL's engine. Both clients are generated from the same models
 * (prisma/models.prisma); code is typed against the SQLite one, so it uses only what both offer.
 * Transactions queue for the connection and then for the write lock; both waits are bounded by
 * the busy timeout, not by Prisma's 2 s default.
 */
export function createPrismaClient(url: string, busyTimeoutMs: number, synchronous: SqliteSynchronous = "normal"): PrismaClient {
  const transactionOptions = { maxWait: Math.max(2_000, busyTimeoutMs), timeout: 5_000 + busyTimeoutMs };
  // Both adapters are timed for Server-Timing (lib/http/server-timing.ts).
  if (databaseProvider(url) === "postgres") {
    return new PostgresPrismaClient({
      adapter: timedAdapter(createPostgresAdapter(url, busyTimeoutMs)) as never,
      transactionOptions,
    }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: timedAdapter(createAdapter(url, busyTimeoutMs, synchronous)), transactionOptions });
}
