import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Db } from "./types";

/**
 * Runs `work` in a transaction: a new one on a client, the caller's own inside a transaction (so a
 * domain function can be part of a larger write, e.g. approving a change that waited for review).
 */
export function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // Not `"$transaction" in db`: the app's client is a Proxy whose `has` does not see it.
  const client = db as { $transaction?: unknown };
  return typeof client.$transaction === "function" ? (db as PrismaClient).$transaction(work) : work(db as Prisma.TransactionClient);
}
