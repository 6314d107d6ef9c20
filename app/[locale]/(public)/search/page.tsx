import type { Metadata } from "next";
import { publicData } from "@/lib/cache/public-data";
import { getTranslations } from "next-intl/server";
import { Highlighted } from "@/components/highlighted";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { firstParam } from "@/lib/http/search-params";
import { pageLocale } from "@/lib/i18n/page-locale";
import type { SearchHit } from "@/lib/search/search-all";
import { passageAnchor } from "@/lib/sources/quote-context";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const PAGE_SIZE = 20;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "search" }))("title") };
}

/** The exact place on the source page: the quote's mark, or the paragraph a passage hit comes from. */
function sourceAnchor(hit: SearchHit): string {
  if (hit.quoteId) return `#quote-${hit.quoteId}`;
  if (hit.kind === "passage" && hit.pos !== undefined) return `#${passageAnchor(hit.pos)}`;
  return "";
}

function firstValue(value: string | string[] | undefined): string {
  return firstParam(value)?.trim().slice(0, 200) ?? "";
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const search = await searchParams;
  const q = firstValue(search.q);
  const page = Math.min(500, Math.max(1, Number.parseInt(firstValue(search.page), 10) || 1));
  const [t, tCommon, tMatch, results] = await Promise.all([
    getTranslations("search"),
    getTranslations("common"),
    getTranslations("searchMatch"),
    q ? publicData.search(q, page, PAGE_SIZE) : Promise.resolve(null),
  ]);
  const path = getPathname({ href: "/search", locale });
  const pageCount = results ? Math.max(1, Math.ceil(results.total / PAGE_SIZE)) : 1;
  const pageLink = (target: number) => `${path}?${new URLSearchParams({ q, ...(target > 1 ? { page: String(target) } : {}) })}`;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <form method="get" action={path} role="search" className="rounded-lg border border-slate-200 bg-white p-4">
        <label htmlFor="search-q" className="font-medium">
          {t("label")}
        </label>
        <div className="mt-1 flex gap-3">
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            aria-describedby="search-hint"
            className="block w-full rounded border border-slate-400 bg-white px-2 py-1.5"
          />
          <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
            {t("submit")}
          </button>
        </div>
        <p id="search-hint" className="mt-1 text-sm text-slate-600">
          {t("hint")}
        </p>
      </form>

      {results && (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="text-xl font-semibold">
            {t("results", { count: results.total, q })}
          </h2>
          {results.words > 1 && results.allMatched < results.total && (
            <p className="mt-1 text-slate-700" data-testid="match-summary">
              {tMatch("summary", { all: results.allMatched, some: results.total - results.allMatched })}
            </p>
          )}
          {results.total === 0 ? (
            <>
              {results.suggestion && (
                <p className="mt-3 text-lg" data-testid="did-you-mean">
                  {tMatch("didYouMean")}{" "}
                  <a href={`${path}?${new URLSearchParams({ q: results.suggestion })}`} className="font-medium text-blue-800 underline">
                    {results.suggestion}
                  </a>
                  {tMatch("didYouMeanEnd")}
                </p>
              )}
              <p className="mt-3 text-slate-700">{t("none")}</p>
            </>
          ) : (
            <ol className="mt-4 space-y-4" data-testid="search-results">
              {results.hits.map((hit) => (
                <li key={`${hit.kind}-${hit.refId}`} className="rounded-lg border border-slate-200 bg-white p-4" data-kind={hit.kind}>
                  <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t(`kind.${hit.kind}`)}</p>
                  {hit.matchedWords < results.words && (
                    <p className="text-sm text-amber-900" data-testid="partial-match">
                      {tMatch("someWords", { matched: hit.matchedWords, words: results.words })}
                    </p>
                  )}
                  {hit.kind === "initiative" && hit.initiative ? (
                    <p className="mt-1 text-lg font-medium">
                      <Link href={`/initiatives/${hit.initiative.slug}`} className="text-blue-800 underline">
                        <Highlighted parts={localized(locale, hit.titleRu, hit.titleEn) ?? []} />
                      </Link>
                    </p>
                  ) : (
                    hit.initiative && (
                      <p className="mt-1 font-medium">
                        <Link href={`/initiatives/${hit.initiative.slug}${hit.entryId ? `#entry-${hit.entryId}` : ""}`} className="text-blue-800 underline">
                          {localized(locale, hit.initiative.titleRu, hit.initiative.titleEn)}
                        </Link>
                      </p>
                    )
                  )}
                  <p className="mt-2 text-slate-800">
                    <Highlighted parts={hit.parts} lang={hit.kind === "quote" || hit.kind === "passage" ? "ru" : undefined} />
                  </p>
                  {hit.source && (
                    <p className="mt-1 text-sm">
                      {/* A document load, not a client-side one: only then is the passage the page's :target (marked and scrolled to). */}
                      <a href={`${getPathname({ href: `/sources/${hit.source.id}`, locale })}${sourceAnchor(hit)}`} className="text-blue-800 underline">
                        {t("inSource", { source: hit.source.title ?? hit.source.outlet ?? tCommon("unknown") })}
                      </a>
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
          {pageCount > 1 && (
            <nav aria-label={t("pages")} className="mt-4 flex gap-3">
              {page > 1 && (
                <a href={pageLink(page - 1)} rel="prev" className="text-blue-800 underline">
                  ← {t("previous")}
                </a>
              )}
              <span>{t("pageOf", { page, pages: pageCount })}</span>
              {page < pageCount && (
                <a href={pageLink(page + 1)} rel="next" className="text-blue-800 underline">
                  {t("next")} →
                </a>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
