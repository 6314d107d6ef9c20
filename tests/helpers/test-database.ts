import { copyFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../lib/db/create-client";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { TEMPLATE_DB, TMP_DIR } from "./paths";

let counter = 0;

/** A new database file copied from the migrated template, with its own client. */
export function freshDatabase(label: string): { url: string; prisma: PrismaClient } {
  const file = path.join(TMP_DIR, `${label}-${process.pid}-${++counter}.db`);
  copyFileSync(TEMPLATE_DB, file);
  const url = `file:${file}`;
  return { url, prisma: createPrismaClient(url, 5_000) };
}
