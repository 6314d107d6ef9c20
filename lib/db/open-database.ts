import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
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

/** The driver adapter; `timeout` becomes the connection's busy timeout. */
export function createAdapter(url: string, busyTimeoutMs: number): PrismaBetterSqlite3 {
  const file = prepareDatabaseFile(url, busyTimeoutMs);
  return new PrismaBetterSqlite3({ url: `file:${file}`, timeout: busyTimeoutMs });
}
