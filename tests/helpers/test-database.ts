import { copyFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../lib/db/create-client";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { runDir, seededTemplateDb, templateDb } from "./paths";

let counter = 0;

/** A new database file copied from the migrated (or, with `seeded`, the seeded) template, with its own client. */
export function freshDatabase(label: string, options: { seeded?: boolean } = {}): { url: string; prisma: PrismaClient } {
  const file = path.join(runDir(), `${label}-${process.pid}-${++counter}.db`);
  copyFileSync(options.seeded ? seededTemplateDb() : templateDb(), file);
  const url = `file:${file}`;
  return { url, prisma: createPrismaClient(url, 5_000) };
}
