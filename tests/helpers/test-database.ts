import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { inject } from "vitest";
import { createPrismaClient } from "../../lib/db/create-client";
import { createDatabase, withDatabase } from "../../lib/db/postgres-adapter";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { runDir, seededTemplateDb, templateDb } from "./paths";

/**
 * Which engine this run tests: TEST_DATABASE_PROVIDER=postgres (with TEST_POSTGRES_URL naming the
 * server) runs the whole suite on PostgreSQL; otherwise SQLite (tests/run-all.sh runs both).
 */
export const onPostgres = process.env.TEST_DATABASE_PROVIDER === "postgres";

let counter = 0;

/**
 * A database of its own, made from the migrated (or, with `seeded`, the seeded) template: a copied
 * file, or `CREATE DATABASE … TEMPLATE`.
 */
export async function newDatabaseUrl(label: string, options: { seeded?: boolean } = {}): Promise<string> {
  if (onPostgres) {
    const server = process.env.TEST_POSTGRES_URL!;
    const name = `${inject("postgresPrefix")}_${label
      .replace(/[^a-z0-9]/gi, "")
      .toLowerCase()
      .slice(0, 20)}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    // Concurrent copies of one template can collide ("being accessed by other users"): retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await createDatabase(server, name, inject(options.seeded ? "postgresSeededTemplate" : "postgresTemplate"));
        return withDatabase(server, name);
      } catch (error) {
        if (attempt >= 20 || !/accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }
  const file = path.join(runDir(), `${label}-${process.pid}-${++counter}.db`);
  copyFileSync(options.seeded ? seededTemplateDb() : templateDb(), file);
  return `file:${file}`;
}

/** A new database copied from the migrated (or the seeded) template, with its own client. */
export async function freshDatabase(label: string, options: { seeded?: boolean } = {}): Promise<{ url: string; prisma: PrismaClient }> {
  const url = await newDatabaseUrl(label, options);
  return { url, prisma: createPrismaClient(url, 5_000) };
}
