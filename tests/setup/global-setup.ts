import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/schema-engine";
import { TMP_DIR } from "../helpers/paths";

/** Builds the migrated template database every test file copies, in a folder of this run's own. */
export default async function globalSetup(project: TestProject) {
  const runDir = path.join(TMP_DIR, `run-${process.pid}-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });
  await applyMigrations(`file:${path.join(runDir, "template.db")}`);
  project.provide("runDir", runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
