import { handle, pageLink, parseQuery, READ_ONLY } from "@/lib/api/http";
import { pageApiHistory } from "@/lib/api/queries";
import { historyQuerySchema } from "@/lib/api/schemas";
import { serializeHistoryItem } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { freshJson } from "@/lib/api/fresh-json";
import { changedOnOrAfter } from "@/lib/history/list-history";

/** GET /api/v1/history: history entries, newest first, filtered and paged. Schema: HistoryList. */
export const dynamic = "force-dynamic";

const ALLOWED = Object.keys(historyQuerySchema.shape);

export async function GET(request: Request): Promise<Response> {
  return handle(request, async () => {
    const url = new URL(request.url);
    const query = parseQuery(url, historyQuerySchema, ALLOWED);
    if (!query.ok) return query.response;
    const { initiative, country, theme, since, changedSince, page, pageSize } = query.value;
    const filter = { initiativeSlug: initiative, countryCode: country, theme, since, changedSince: changedSince ? changedOnOrAfter(changedSince) : undefined };
    const { items, total } = await pageApiHistory(prisma, filter, page, pageSize);
    const pageCount = Math.max(1, Math.ceil(total / pageSize));

    // The parameters as given (all valid by now), with another page number.
    const link = (target: number) => {
      const search = new URLSearchParams(url.searchParams);
      if (target === 1) search.delete("page");
      else search.set("page", String(target));
      return pageLink(url, search);
    };
    const links: { self: string; next?: string; prev?: string } = { self: link(page) };
    if (page < pageCount) links.next = link(page + 1);
    if (page > 1) links.prev = link(Math.min(page - 1, pageCount));

    return freshJson(request, { data: items.map(serializeHistoryItem), meta: { total, page, pageSize, pageCount }, links });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;
