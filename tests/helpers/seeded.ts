import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { prisma } from "../../lib/db/prisma";

/** Seeds the worker's database (idempotent, so every file may call it). */
export async function seedWorkerDatabase(): Promise<void> {
  await seedDatabase(prisma, catalog);
}
