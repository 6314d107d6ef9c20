import { PrismaClient } from "../generated/prisma/client";
import { createAdapter } from "./open-database";
import { timedAdapter } from "./timed-adapter";

export function createPrismaClient(url: string, busyTimeoutMs: number): PrismaClient {
  return new PrismaClient({ adapter: timedAdapter(createAdapter(url, busyTimeoutMs)) });
}
