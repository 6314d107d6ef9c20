import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** A client or an open transaction: helpers that take a Db run inside the caller's transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;
