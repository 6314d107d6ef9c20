import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Db } from "./types";
import { isClient } from "./savepoint";

/**
 * Runs `work` in a transaction: a new one on a client, the caller's own inside a transaction (so a
 * domain function can be part of a larger write, e.g. approving a change that waited for review).
 */
export function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return isClient(db) ? (db as PrismaClient).$transaction(work) : work(db as Prisma.TransactionClient);
}
