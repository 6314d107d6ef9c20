import { randomBytes } from "node:crypto";
import { createPrismaClient } from "../../lib/db/create-client";
import type { PrismaClient } from "../../lib/generated/prisma/client";

/** The database the browser tests' server uses: a SQLite file, or PostgreSQL when run-e2e.sh runs the suite there. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.e2e/tracker.db";

let client: PrismaClient | undefined;

/**
 * The app's own client on the browser tests' database, opened once per worker beside the server
 * that also writes to it: specs read and arrange data through it on either engine.
 */
export function e2eDatabase(): PrismaClient {
  client ??= createPrismaClient(E2E_DATABASE_URL, 10_000);
  return client;
}

/**
 * Test data: a confirmed daily subscription to the tourism theme, made straight in the database
 * (the e-mail journey is reader-alerts.spec.ts), on the suite's database or a spec's own; returns its
 * token, the key of its /alerts pages.
 */
export async function confirmedSubscription(label: string, database: PrismaClient = e2eDatabase()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await database.alertSubscription.create({
    data: {
      email: `${label}-${token.slice(0, 8)}@example.test`,
      target: "theme",
      targetKey: "tourism",
      frequency: "daily",
      locale: "en",
      token,
      confirmedAt: new Date(),
    },
  });
  return token;
}
