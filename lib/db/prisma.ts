import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { getEnv } from "../env";
import { createPrismaClient } from "./create-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function getClient(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const env = getEnv();
    globalForPrisma.prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS, env.SQLITE_SYNCHRONOUS);
  }
  return globalForPrisma.prisma;
}

/** One client per process (and across dev hot reloads), opened on first use. */
export const prisma = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
