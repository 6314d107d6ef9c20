import { PrismaClient } from "../generated/prisma/client";
import { createAdapter } from "./open-database";

/**
 * Transactions queue for the one connection (the adapter runs one at a time) and then for
 * SQLite's write lock; both waits are bounded by the busy timeout, not by Prisma's 2 s default.
 */
export function createPrismaClient(url: string, busyTimeoutMs: number): PrismaClient {
  return new PrismaClient({
    adapter: createAdapter(url, busyTimeoutMs),
    transactionOptions: { maxWait: Math.max(2_000, busyTimeoutMs), timeout: 5_000 + busyTimeoutMs },
  });
}
