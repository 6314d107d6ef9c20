import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./types";

let counter = 0;

/** True for a client (which opens transactions), false for an open transaction. */
export function isClient(db: Db): boolean {
  // Not `"$transaction" in db`: the app's client is a Proxy whose `has` does not see it.
  return typeof (db as { $transaction?: unknown }).$transaction === "function";
}

/**
 * Runs `work` inside a savepoint of the caller's transaction: on an error, or when `keep` is false
 * (a trial run), everything it wrote is undone and the transaction goes on (on PostgreSQL too,
 * where a failed statement would otherwise abort the whole transaction). Same SQL on both engines.
 */
export async function withSavepoint<T>(tx: Prisma.TransactionClient, work: () => Promise<T>, options: { keep: boolean }): Promise<T> {
  const name = `sp_${++counter}`;
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
  if (!options.keep) await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
  await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
  return value;
}
