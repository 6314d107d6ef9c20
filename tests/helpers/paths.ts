import path from "node:path";

export const TMP_DIR = path.resolve(import.meta.dirname, "..", ".tmp");
/** Migrated once per run by tests/setup/global-setup.ts; copied, never opened directly. */
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");
