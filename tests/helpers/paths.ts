import path from "node:path";
import { inject } from "vitest";

export const TMP_DIR = path.resolve(import.meta.dirname, "..", ".tmp");

declare module "vitest" {
  export interface ProvidedContext {
    runDir: string;
    /** PostgreSQL runs: the prefix of this run's databases, and the migrated template they are made from. */
    postgresPrefix: string;
    postgresTemplate: string;
  }
}

/** This run's folder (several runs may share the machine), made by tests/setup/global-setup.ts. */
export function runDir(): string {
  return inject("runDir");
}

/** The migrated template every test database is copied from; never opened directly. */
export function templateDb(): string {
  return path.join(runDir(), "template.db");
}
