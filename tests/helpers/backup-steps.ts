/**
 * The steps the SQLite and PostgreSQL backup tests share (backup.test.ts, backup-postgres.test.ts):
 * a writer that keeps saving during a backup, the change made after it, the CLIs run as an operator
 * would, and an older version's migrations. Each engine's test keeps its own checks of the files.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { SessionUser } from "../../lib/auth/sessions";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { ConflictError } from "../../lib/initiatives/edit-errors";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { TSX } from "./tsx";
import { makeUser } from "./users";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A writer that keeps marking initiatives verified (retrying on conflicts) until stopped. */
export function startWriter(prisma: PrismaClient, editor: SessionUser, slugs: string[], label: string) {
  let stopped = false;
  let written = 0;
  const done = (async () => {
    for (let n = 0; !stopped; n++) {
      const slug = slugs[n % slugs.length]!;
      for (;;) {
        const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug }, select: { version: true } });
        try {
          await markVerified(prisma, editor, { slug, version, correctsId: null, note: `${label}-${n}` });
          written++;
          break;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      // Give the other work on this event loop (the backup's steps, the child's output) a turn.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    written: () => written,
    /** Resolves once `count` more saves have been made since the call. */
    waitFor: async (count: number) => {
      const from = written;
      while (written < from + count) await tick(5);
    },
    stop: async () => {
      stopped = true;
      await done;
      return written;
    },
  };
}

/** `rounds` backups taken one after another while `writer` keeps saving between them. */
export async function backupsUnderLoad<T>(writer: ReturnType<typeof startWriter>, rounds: number, backup: (round: number) => Promise<T>): Promise<T[]> {
  await writer.waitFor(5);
  const results: T[] = [];
  for (let round = 0; round < rounds; round++) {
    results.push(await backup(round));
    // Keep writing between the backups, so each one is taken in the middle of the load.
    await writer.waitFor(3);
  }
  return results;
}

/** Changes the live database after a backup: a history entry noted "after the backup", and a new admin. */
export async function changeAfterBackup(prisma: PrismaClient, editor: SessionUser, slug: string) {
  const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug } });
  await markVerified(prisma, editor, { slug, version, correctsId: null, note: "after the backup" });
  await makeUser(prisma, "admin");
}

/** A CLI under scripts/, run to completion as an operator would, on `databaseUrl` with a scratch build folder. */
export function runCli(script: string, args: string[], databaseUrl: string, distDir: string) {
  return spawnSync(TSX, [script, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_DIST_DIR: distDir } });
}

/** db:backup in another process while this one keeps writing; its exit code, output, and how many saves it overlapped. */
export async function backupCliWhileWriting(writer: ReturnType<typeof startWriter>, file: string, databaseUrl: string, distDir: string) {
  const child = spawn(TSX, ["scripts/cli/db-backup.ts", file], { env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_DIST_DIR: distDir } });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, output, written: await writer.stop() };
}

/** db:backup with no file name, in a scratch working directory: it writes under ./data/backups there. */
export function backupCliByDefault(cwd: string, databaseUrl: string) {
  const result = spawnSync(TSX, [path.resolve("scripts/cli/db-backup.ts")], { cwd, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } });
  return { ...result, made: result.status === 0 ? readdirSync(path.join(cwd, "data", "backups")) : [] };
}

/** An entry in the app's on-disk data cache, which a restore must empty; returns its folder. */
function fillDataCache(distDir: string): string {
  const dataCache = path.join(distDir, "cache", "fetch-cache");
  mkdirSync(dataCache, { recursive: true });
  writeFileSync(path.join(dataCache, "entry"), "pre-restore page data");
  return dataCache;
}

/**
 * The CLIs' refusals while the app may be running: a backup onto an existing file, and a restore
 * while the database is in use. Returns the restore's answer for the engine's own checks.
 */
export function cliRefusals(file: string, databaseUrl: string, distDir: string) {
  const again = runCli("scripts/cli/db-backup.ts", [file], databaseUrl, distDir);
  expect(again.status).toBe(1);
  expect(again.stderr).toMatch(/already exists/);
  const refused = runCli("scripts/cli/db-restore.ts", [file], databaseUrl, distDir);
  expect(refused.status, refused.stderr).toBe(1);
  expect(refused.stderr).toMatch(/in use/);
  return refused;
}

/** The restore CLI, the app stopped: it succeeds, says the app must be stopped, and empties the app's data cache. */
export function restoreCli(file: string, databaseUrl: string, distDir: string) {
  const dataCache = fillDataCache(distDir);
  const restore = runCli("scripts/cli/db-restore.ts", [file], databaseUrl, distDir);
  expect(restore.status, restore.stderr).toBe(0);
  expect(restore.stdout).toMatch(/must be stopped/);
  expect(restore.stdout).toMatch(/emptied the app's data cache/);
  expect(existsSync(dataCache)).toBe(false);
  return restore;
}

/**
 * The migrations of an older version: every migration in `paths.migrationsDir` (sorted) and a
 * copy of the first `count` (with the lock file, where there is one) for `migrate` to migrate a database with.
 */
export async function withOlderMigrations(
  paths: { schemaDir: string; migrationsDir: string },
  count: number,
  migrate: (older: { schemaDir: string; migrationsDir: string }) => Promise<unknown>,
) {
  const migrations = readdirSync(paths.migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const older = mkdtempSync(path.join(tmpdir(), "tracker-older-"));
  const olderPaths = { schemaDir: paths.schemaDir, migrationsDir: path.join(older, "migrations") };
  for (const name of ["migration_lock.toml", ...migrations.slice(0, count)]) {
    if (existsSync(path.join(paths.migrationsDir, name)))
      cpSync(path.join(paths.migrationsDir, name), path.join(olderPaths.migrationsDir, name), { recursive: true });
  }
  try {
    await migrate(olderPaths);
  } finally {
    rmSync(older, { recursive: true, force: true });
  }
  return migrations;
}

/** Garbage over bytes [from, to) of a copy of `bytes` (deterministic, so a failure can be repeated). */
export function scramble(bytes: Buffer, from: number, to: number): Buffer {
  const copy = Buffer.from(bytes);
  for (let offset = from; offset < Math.min(copy.length, to); offset++) copy[offset] = (offset * 7919) % 251;
  return copy;
}
