/**
 * A second app instance on the same database file, for the contention test: `writers` loops
 * for `ms` milliseconds, each doing what a save does (the per-account rate limit, then a
 * versioned write). Prints {saved, conflicts, failures, errors} as JSON.
 */
import { consumeRateLimit } from "../../lib/auth/rate-limit";
import { createPrismaClient } from "../../lib/db/create-client";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { ConflictError } from "../../lib/initiatives/edit-errors";

const [url = "", userId = "0", slug = "", ms = "1000", writers = "4", busy = "5000"] = process.argv.slice(2);
const prisma = createPrismaClient(url, Number(busy));
const actor = { id: Number(userId), email: "second@example.test", displayName: "Second instance", role: "editor" as const };
const result = { saved: 0, conflicts: 0, failures: 0, errors: [] as string[] };
const until = Date.now() + Number(ms);

async function writer() {
  while (Date.now() < until) {
    try {
      await consumeRateLimit(prisma, `mutation:user:${actor.id}`, { limit: 1_000_000, windowMs: 60_000 });
      const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug }, select: { version: true } });
      await markVerified(prisma, actor, { slug, version, note: "", correctsId: null });
      result.saved++;
    } catch (error) {
      if (error instanceof ConflictError) result.conflicts++;
      else {
        result.failures++;
        if (result.errors.length < 3) result.errors.push(String(error));
      }
    }
  }
}

await Promise.all(Array.from({ length: Number(writers) }, writer));
await prisma.$disconnect();
console.log(JSON.stringify(result));
