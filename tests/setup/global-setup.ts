import { mkdirSync, rmSync } from "node:fs";
import { applyMigrations, deleteDatabaseFile } from "../../lib/db/schema-engine";
import { TEMPLATE_DB, TMP_DIR } from "../helpers/paths";

/** Builds the migrated template database every test worker copies. */
export default async function globalSetup() {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  await applyMigrations(`file:${TEMPLATE_DB}`);
  return () => deleteDatabaseFile(`file:${TEMPLATE_DB}`);
}
