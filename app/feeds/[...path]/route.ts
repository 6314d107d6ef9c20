import { prisma } from "@/lib/db/prisma";
import { publicData } from "@/lib/cache/public-data";
import { handleFeedRequest } from "@/lib/feeds/feed-request";
import { handleRoute } from "@/lib/http/json-error";

/**
 * Atom feeds of the history (docs/feeds.md): /feeds/history.atom, /feeds/initiatives/<slug>.atom,
 * /feeds/countries/<CODE>.atom and /feeds/themes/<theme>.atom, ?lang=ru (default) or ?lang=en.
 * Outside app/[locale]: the i18n proxy skips paths with a dot. Documents come from the data cache,
 * tagged by their subject, so a write to one initiative leaves other feeds cached.
 */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  return handleRoute(request, async () => handleFeedRequest(prisma, request, (await context.params).path, publicData.feed), {
    "Access-Control-Allow-Origin": "*",
  });
}
