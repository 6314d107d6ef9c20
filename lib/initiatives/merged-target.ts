import "server-only";
import type { Db } from "../db/types";

/** Where a merged duplicate's slug now leads (null: not merged, or no such slug). Merges keep it one hop. */
export async function mergedTarget(db: Db, slug: string): Promise<string | null> {
  const row = await db.initiative.findUnique({ where: { slug }, select: { mergedInto: { select: { slug: true } } } });
  return row?.mergedInto?.slug ?? null;
}

/** A permanent redirect to `location` (a path: the browser resolves it against the address it asked for). */
export function permanentRedirectResponse(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 308, headers: { Location: location, ...headers } });
}
