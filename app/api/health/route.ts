import { timingSafeEqual } from "node:crypto";
import { findSessionUser, SESSION_COOKIE } from "@/lib/auth/sessions";
import { databasePathFromUrl } from "@/lib/db/database-path";
import { databaseProvider } from "@/lib/db/provider";
import { prisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { checkHealth, healthResponse, publicHealth } from "@/lib/health/check-health";
import { log } from "@/lib/log";

/**
 * GET /api/health: is the app up, does the database answer and take writes? (docs/operations.md)
 * Everyone sees the status and the reason; the versions, migrations and counts only a signed-in
 * admin or a request with `Authorization: Bearer <HEALTH_TOKEN>`.
 */
export const dynamic = "force-dynamic";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function mayReadDetails(request: Request): Promise<boolean> {
  const token = getEnv().HEALTH_TOKEN;
  const bearer = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (token && bearer && sameSecret(bearer, token)) return true;
  const session = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === SESSION_COOKIE)?.[1];
  if (!session) return false;
  const user = await findSessionUser(prisma, decodeURIComponent(session)).catch(() => null);
  return user?.role === "admin";
}

export async function GET(request: Request): Promise<Response> {
  const url = getEnv().DATABASE_URL;
  const report = await checkHealth(prisma, {
    // SQLite's write probe opens the file itself; PostgreSQL's goes through the pool.
    databaseFile: databaseProvider(url) === "sqlite" ? databasePathFromUrl(url) : undefined,
    // The full error goes to the server's log only; the response says it in one safe sentence.
    onError: (error) => log("error", "health.database_failed", { error }),
  });
  if (report.status !== "ok") log("warn", "health.degraded", { reason: report.error });
  return healthResponse(report, (await mayReadDetails(request)) ? report : publicHealth(report));
}
