import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { cacheStatus, type CacheStatus } from "../cache/cache-status";
import { dialectOf } from "../db/dialect";
import packageJson from "../../package.json";
import { probePostgresWritable, probeWritable, type WriteProbe } from "../db/probe-writable";

/**
 * The health report behind GET /api/health (docs/operations.md): the app's version and uptime,
 * and whether the database answers, with its journal mode, applied migrations and initiative
 * count, and the data cache. Three tiny queries; nothing is written. A failure is described in one
 * plain sentence, never with a stack trace or a file path. A shared cache (Redis) that cannot be
 * reached makes the report "degraded" but the answer stays 200: pages are then read from the
 * database, writes keep working, and a load balancer must not take every instance out for it.
 */
export interface HealthReport {
  status: "ok" | "degraded";
  app: { version: string; uptimeSeconds: number; nodeVersion: string };
  database: HealthyDatabase | FailedDatabase;
  cache: CacheStatus;
  /** Present when degraded: the same sentence as database.error, or what is wrong with the cache. */
  error?: string;
  time: string;
}

interface HealthyDatabase {
  ok: true;
  latencyMs: number;
  /** "sqlite" or "postgresql". */
  engine: string;
  /** SQLite: the journal mode (wal); PostgreSQL: the server's version. */
  journalMode?: string;
  serverVersion?: string;
  migrations: { applied: number; latest: string | null };
  initiatives: number;
  /** Free space on the database's disk, when the probe could tell (SQLite only). */
  freeBytes?: number | null;
}

interface FailedDatabase {
  ok: false;
  latencyMs: number;
  error: string;
}

/** Maps a driver error to a sentence that is safe to show (no paths, no internals). */
export function describeDatabaseError(error: unknown): string {
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? "")}` : String(error);
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|reach database server|Connection terminated/i.test(text)) return "The database server cannot be reached.";
  if (/not a database|NOTADB|file is encrypted/i.test(text)) return "The database file is not a SQLite database.";
  if (/malformed|corrupt/i.test(text)) return "The database file is damaged.";
  if (/unable to open|cannot open|CANTOPEN|directory does not exist|ENOENT|EACCES|EPERM|read-?only/i.test(text)) return "The database file cannot be opened.";
  if (/no such table|_prisma_migrations/i.test(text)) return "The database has not been migrated.";
  if (/locked|busy|timed? ?out/i.test(text)) return "The database is busy and did not answer in time.";
  return "The database did not answer.";
}

function number(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : Number(value ?? 0);
}

/** What the health report says about the engine: the one dialect-specific query of the report. */
async function describeEngine(prisma: PrismaClient): Promise<{ engine: string; journalMode?: string; serverVersion?: string }> {
  if (dialectOf(prisma) === "postgres") {
    const [row] = await prisma.$queryRaw<{ server_version: string }[]>`SELECT current_setting('server_version') AS server_version`;
    return { engine: "postgresql", serverVersion: String(row?.server_version ?? "unknown") };
  }
  const [mode] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  return { engine: "sqlite", journalMode: String(mode?.journal_mode ?? "unknown") };
}

const CACHE_DOWN = "The shared cache (Redis) cannot be reached: pages are read from the database.";

const UNWRITABLE: Record<Exclude<WriteProbe, { ok: true }>["reason"], string> = {
  read_only: "The database cannot take writes: its file or storage is read-only.",
  disk_full: "The database cannot take writes: its disk is full.",
  failed: "The database cannot take writes.",
};

/**
 * Writability (lib/db/probe-writable.ts): PostgreSQL always gets a rolled-back write; SQLite's
 * file is probed when `databaseFile` names it (the app's health route always does), so a read-only
 * database or a full disk is "degraded", not "ok".
 */
export async function checkHealth(
  prisma: PrismaClient,
  options: { now?: () => Date; onError?: (error: unknown) => void; databaseFile?: string } = {},
): Promise<HealthReport> {
  const app = { version: packageJson.version, uptimeSeconds: Math.round(process.uptime()), nodeVersion: process.version };
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  try {
    const engine = await describeEngine(prisma);
    const [migrations] = await prisma.$queryRaw<{ applied: number | bigint; latest: string | null }[]>`
      SELECT count(*) AS applied, max("migration_name") AS latest FROM "_prisma_migrations"
      WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    const [initiatives] = await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "Initiative"`;
    const cache = cacheStatus();
    const probe = engine.engine === "postgresql" ? await probePostgresWritable(prisma) : options.databaseFile ? probeWritable(options.databaseFile) : null;
    if (probe && !probe.ok) {
      const message = UNWRITABLE[probe.reason];
      return {
        status: "degraded",
        app,
        database: { ok: false, latencyMs: elapsed(), error: message },
        cache,
        error: message,
        time: (options.now?.() ?? new Date()).toISOString(),
      };
    }
    return {
      status: cache.ok ? "ok" : "degraded",
      ...(cache.ok ? {} : { error: CACHE_DOWN }),
      app,
      database: {
        ok: true,
        latencyMs: elapsed(),
        ...engine,
        migrations: { applied: number(migrations?.applied), latest: migrations?.latest ?? null },
        initiatives: number(initiatives?.n),
        ...(probe && engine.engine === "sqlite" ? { freeBytes: probe.freeBytes } : {}),
      },
      cache,
      time: (options.now?.() ?? new Date()).toISOString(),
    };
  } catch (error) {
    options.onError?.(error);
    const message = describeDatabaseError(error);
    return {
      status: "degraded",
      app,
      database: { ok: false, latencyMs: elapsed(), error: message },
      cache: cacheStatus(),
      error: message,
      time: (options.now?.() ?? new Date()).toISOString(),
    };
  }
}

/** What anyone may see: the status and, when degraded, the reason; versions and counts are for admins. */
export interface PublicHealth {
  status: HealthReport["status"];
  error?: string;
  time: string;
}

export function publicHealth(report: HealthReport): PublicHealth {
  return { status: report.status, ...(report.error ? { error: report.error } : {}), time: report.time };
}

/**
 * 200 when the database answers and takes writes (even with the cache down), 503 when not; never
 * cached. `body`: what the caller may see of the report.
 */
export function healthResponse(report: HealthReport, body: HealthReport | PublicHealth = report): Response {
  return Response.json(body, {
    status: report.database.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
