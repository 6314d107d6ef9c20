import { PrismaClient } from "../generated/prisma/client";
import { createAdapter } from "./open-database";

export function createPrismaClient(url: string, busyTimeoutMs: number): PrismaClient {
  return new PrismaClient({ adapter: createAdapter(url, busyTimeoutMs) });
}
