import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { databasePathFromUrl } from "./database-path";

/**
 * Prepares the SQLite file for use: creates its folder and switches it to WAL
 * (a persistent property of the file) so readers never block the writer.
 */
export function prepareDatabaseFile(url: string, busyTimeoutMs: number): string {
  const file = databasePathFromUrl(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
  return file;
}

/**
 * The adapter opens transactions with a deferred BEGIN. Our transactions read before they write,
 * and in WAL mode a read transaction that must then wait for another connection's write lock
 * fails at once with SQLITE_BUSY: the busy timeout cannot help, because its snapshot is already
 * stale. BEGIN IMMEDIATE takes the write lock first, waiting up to the busy timeout for it.
 */
function immediateTransactions(adapter: SqlDriverAdapter, synchronous: SqliteSynchronous): SqlDriverAdapter {
  const database = (adapter as unknown as { client: Database.Database }).client;
  // In WAL mode "normal" syncs at checkpoints instead of at every commit (≈ 6 ms each here, during
  // which the synchronous driver blocks the whole process): a crash of the app loses nothing, a power
  // loss may lose the last commits but never corrupts the file (docs/decisions/031-sqlite-writes-and-list-search.md).
  database.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  const prepare = database.prepare.bind(database);
  database.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof database.prepare;
  return adapter;
}

export type SqliteSynchronous = "normal" | "full";

/** The driver adapter; `timeout` becomes the connection's busy timeout. */
export function createAdapter(url: string, busyTimeoutMs: number, synchronous: SqliteSynchronous = "normal"): SqlMigrationAwareDriverAdapterFactory {
  const file = prepareDatabaseFile(url, busyTimeoutMs);
  const factory = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: busyTimeoutMs });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => immediateTransactions(await factory.connect(), synchronous),
    connectToShadowDb: async () => immediateTransactions(await factory.connectToShadowDb(), synchronous),
  };
}
