import "server-only";
import { statfsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Can the SQLite file take a write right now? A write in a transaction that is rolled back, on a
 * connection of its own that never waits (a busy lock means someone else is writing, so it can),
 * plus the free space on its disk: a rolled-back write never reaches the disk, so a full disk
 * would otherwise pass.
 */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

export type WriteProbe = { ok: true; freeBytes: number | null } | { ok: false; reason: "read_only" | "disk_full" | "failed"; freeBytes: number | null };

function freeBytesAt(file: string): number | null {
  try {
    const stats = statfsSync(path.dirname(file));
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

export function probeWritable(file: string): WriteProbe {
  const freeBytes = freeBytesAt(file);
  if (freeBytes !== null && freeBytes < MIN_FREE_BYTES) return { ok: false, reason: "disk_full", freeBytes };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 0, fileMustExist: true });
    db.exec("BEGIN IMMEDIATE");
    try {
      db.prepare(`INSERT OR REPLACE INTO "RateLimit" ("key", "count", "resetAt") VALUES ('health:probe', 0, 0)`).run();
    } finally {
      db.exec("ROLLBACK");
    }
    return { ok: true, freeBytes };
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? "");
    if (code.startsWith("SQLITE_BUSY")) return { ok: true, freeBytes };
    if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_PERM"))
      return { ok: false, reason: "read_only", freeBytes };
    if (code.startsWith("SQLITE_FULL")) return { ok: false, reason: "disk_full", freeBytes };
    return { ok: false, reason: "failed", freeBytes };
  } finally {
    db?.close();
  }
}

/** Thrown inside the probe's transaction so Prisma rolls it back. */
class ProbeRollback extends Error {}

/**
 * The same question on PostgreSQL, through the app's own pool: an upsert in a transaction that is
 * always rolled back. A lock held by someone else means writes happen, so a short lock timeout
 * counts as writable; a read-only server or transaction (a standby, `default_transaction_read_only`)
 * and a full disk do not. Free space is the server's business (it may be another machine).
 */
export async function probePostgresWritable(prisma: PrismaClient): Promise<WriteProbe> {
  try {
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '250ms'`);
      await tx.$executeRaw`INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES ('health:probe', 0, ${new Date(0)})
        ON CONFLICT ("key") DO UPDATE SET "count" = 0`;
      throw new ProbeRollback();
    });
    return { ok: false, reason: "failed", freeBytes: null }; // unreachable: the callback always throws
  } catch (error) {
    if (error instanceof ProbeRollback) return { ok: true, freeBytes: null };
    const text = `${String(error)} ${String((error as { cause?: unknown }).cause ?? "")}`;
    if (/\b55P03\b|lock timeout/i.test(text)) return { ok: true, freeBytes: null };
    if (/\b25006\b|read-only transaction/i.test(text)) return { ok: false, reason: "read_only", freeBytes: null };
    if (/\b53100\b|disk full|No space left/i.test(text)) return { ok: false, reason: "disk_full", freeBytes: null };
    throw error;
  }
}
