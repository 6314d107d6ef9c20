import { prisma } from "@/lib/db/prisma";
import { checkHealth, healthResponse } from "@/lib/health/check-health";
import { log } from "@/lib/log";

/** GET /api/health: is the app up and does the database answer? (docs/operations.md) */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkHealth(prisma, {
    // The full error goes to the server's log only; the response says it in one safe sentence.
    onError: (error) => log("error", "health.database_failed", { error }),
  });
  return healthResponse(report);
}
