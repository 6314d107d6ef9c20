import { addIssues, badRequest, handle, pageLink, readQuery, READ_ONLY, unknownParameters } from "@/lib/api/http";
import { initiativeListExtraSchema } from "@/lib/api/schemas";
import { serializeInitiativeSummary } from "@/lib/api/serialize";
import { publicData } from "@/lib/cache/public-data";
import { freshJson } from "@/lib/api/fresh-json";
import { initiativeQuerySchema, parseQueryStrict, toSearchParams } from "@/lib/initiatives/query-initiatives";

/**
 * GET /api/v1/initiatives: the list's query (lib/initiatives/query-initiatives.ts), strictly
 * parsed, plus `lang` (title order) and `facets`. Schema: InitiativeList in lib/api/schemas.ts.
 */
export const dynamic = "force-dynamic";

const ALLOWED = [...Object.keys(initiativeQuerySchema.shape), ...Object.keys(initiativeListExtraSchema.shape)];

export async function GET(request: Request): Promise<Response> {
  return handle(request, async () => {
    const url = new URL(request.url);
    const { params, details } = readQuery(url);
    // Checked here as well: parseQueryStrict copies the filters by assignment, which would drop a `__proto__` key.
    const reported = new Set(details.map((detail) => detail.parameter));
    details.push(
      ...unknownParameters(
        Object.keys(params).filter((key) => !ALLOWED.includes(key) && !reported.has(key)),
        ALLOWED,
      ),
    );
    const { lang, facets, ...filters } = params;
    const extra = initiativeListExtraSchema.safeParse({ lang, facets });
    if (!extra.success) addIssues(details, extra.error, ALLOWED);
    const query = parseQueryStrict(filters);
    if (!query.success) addIssues(details, query.error, ALLOWED);
    if (details.length || !extra.success || !query.success) return badRequest(details);

    const [result, facetValues] = await Promise.all([
      publicData.initiatives(query.data, extra.data.lang),
      extra.data.facets ? publicData.facets(query.data) : Promise.resolve(undefined),
    ]);

    const link = (page: number) => {
      const search = toSearchParams(query.data, { page });
      if (extra.data.lang !== "ru") search.set("lang", extra.data.lang);
      if (extra.data.facets) search.set("facets", "true");
      return pageLink(url, search);
    };
    const links: { self: string; next?: string; prev?: string } = { self: link(result.page) };
    if (result.page < result.pageCount) links.next = link(result.page + 1);
    if (result.page > 1) links.prev = link(Math.min(result.page - 1, result.pageCount));

    return freshJson(request, {
      data: result.items.map(serializeInitiativeSummary),
      meta: {
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
        pageCount: result.pageCount,
        sort: result.sort,
        ...(facetValues ? { facets: facetValues } : {}),
        ...(result.words ? { search: { words: result.words.count, allWordsMatched: result.words.allMatched, suggestion: result.suggestion } } : {}),
      },
      links,
    });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;
