import { prisma } from "../../lib/db/prisma";

/**
 * Every file's database is a copy of the seeded template (tests/setup/worker-database.ts); this
 * only makes sure of it, so a file that needs the seed fails loudly if that ever changes.
 */
export async function seedWorkerDatabase(): Promise<void> {
  if ((await prisma.initiative.count()) === 0) throw new Error("The worker database is not seeded: it should be a copy of the seeded template.");
}
