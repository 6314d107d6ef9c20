import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client";
import { createAdapter } from "./open-database";
import { createPostgresAdapter } from "./postgres-adapter";
import { databaseProvider } from "./provider";
import { timedAdapter } from "./timed-adapter";

/**
 * The client for the URL's engine. Both clients are generated from the same models
 * (prisma/models.prisma); code is typed against the SQLite one, so it uses only what both offer.
 */
export function createPrismaClient(url: string, busyTimeoutMs: number): PrismaClient {
  // Both adapters are timed for Server-Timing (lib/http/server-timing.ts).
  if (databaseProvider(url) === "postgres") {
    return new PostgresPrismaClient({ adapter: timedAdapter(createPostgresAdapter(url, busyTimeoutMs)) as never }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: timedAdapter(createAdapter(url, busyTimeoutMs)) });
}
