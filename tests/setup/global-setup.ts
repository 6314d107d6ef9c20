import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, onServer, withDatabase } from "../../lib/db/postgres-adapter";
import { applyMigrations } from "../../lib/db/schema-engine";
import { TMP_DIR } from "../helpers/paths";

/**
 * Builds the migrated template database every test file copies, in a folder of this run's own
 * (on PostgreSQL: a template database named after this run, dropped with every copy at the end).
 */
export default async function globalSetup(project: TestProject) {
  const runId = `${process.pid}_${Date.now()}`;
  const runDir = path.join(TMP_DIR, `run-${runId}`);
  mkdirSync(runDir, { recursive: true });
  project.provide("runDir", runDir);
  if (process.env.TEST_DATABASE_PROVIDER === "postgres") {
    const server = process.env.TEST_POSTGRES_URL;
    if (!server) throw new Error("TEST_DATABASE_PROVIDER=postgres needs TEST_POSTGRES_URL (tests/servers/start-postgres.sh starts a server).");
    const prefix = `tracker_t${runId}`;
    const template = `${prefix}_template`;
    await createDatabase(server, template);
    await applyMigrations(withDatabase(server, template));
    project.provide("postgresPrefix", prefix);
    project.provide("postgresTemplate", template);
    return async () => {
      const { rows } = await onServer(server, (client) => client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`]));
      for (const row of rows) await dropDatabase(server, row.datname);
      rmSync(runDir, { recursive: true, force: true });
    };
  }
  await applyMigrations(`file:${path.join(runDir, "template.db")}`);
  return () => rmSync(runDir, { recursive: true, force: true });
}
