import type { Metadata } from "next";
import { publicData } from "@/lib/cache/public-data";
import { getTranslations } from "next-intl/server";
import { Highlighted } from "@/components/highlighted";
import { InitiativeFiltersForm } from "@/components/initiative-filters";
import { MeetingRelationBadge } from "@/components/meeting-relation-badge";
import { StatusBadge } from "@/components/status-badge";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { parseQueryForPage, toSearchParams } from "@/lib/initiatives/query-initiatives";
import type { SearchHit } from "@/lib/search/search-all";
import { highlightTerms } from "@/lib/search/expand-query";
import { snippet } from "@/lib/search/stem";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "list" });
  return { title: t("title") };
}

export default async function InitiativesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { query, ignored } = parseQueryForPage(await searchParams);
  const [t, tCompare, tReport, tTheme, tMatch, result, facets, countries, sources, events] = await Promise.all([
    getTranslations("list"),
    getTranslations("compare"),
    getTranslations("report"),
    getTranslations("theme"),
    getTranslations("searchMatch"),
    publicData.initiatives(query, locale),
    publicData.facets(query),
    publicData.countries(),
    publicData.sources(),
    publicData.events(),
  ]);
  const terms = query.q ? highlightTerms(query.q) : [];
  const passages = new Map<string, SearchHit>(
    query.q
      ? await publicData.matchedPassages(
          query.q,
          result.items.map((item) => item.slug),
        )
      : [],
  );
  const path = getPathname({ href: "/initiatives", locale });
  const pageLink = (page: number) => `${path}?${toSearchParams(query, { page })}`;
  // Exports hold every row of the filtered view (all pages), in the same order.
  const exportParams = toSearchParams({ ...query, page: undefined, pageSize: undefined });
  exportParams.set("lang", locale);
  const exportQuery = exportParams.toString();
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {ignored.length > 0 && (
        <p role="alert" className="rounded border border-amber-700 bg-amber-50 px-4 py-3 text-amber-950" data-testid="ignored-parameters">
          {t("ignored", { list: ignored.map((item) => `${item.parameter}=${item.value}`).join(", ") })}
        </p>
      )}
      <InitiativeFiltersForm locale={locale} action={path} query={query} facets={facets} countries={countries} sources={sources} events={events} />
      {query.relation?.join() !== "outcome" && (
        <p>
          <a href={`${path}?${toSearchParams({ ...query, page: undefined }, { relation: "outcome" })}`} className="text-blue-800 underline">
            {t("onlyOutcomes")}
          </a>
        </p>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p role="status" className="font-medium" data-testid="result-count">
          {t("count", { count: result.total })}
          {result.total > result.pageSize && <span className="font-normal text-slate-700"> · {t("showing", { first, last })}</span>}
          {result.words && result.words.count > 1 && result.words.allMatched < result.total && (
            <span className="font-normal text-slate-700" data-testid="match-summary">
              {" "}
              · {tMatch("summary", { all: result.words.allMatched, some: result.total - result.words.allMatched })}
            </span>
          )}
        </p>
        {/* The rows' checkboxes belong to this form (form="compare-form"), so ticking works without JavaScript. */}
        <form id="compare-form" method="get" action={getPathname({ href: "/compare", locale })}>
          <button type="submit" className="rounded border border-blue-800 px-3 py-1 text-sm font-medium text-blue-800 hover:bg-blue-50">
            {tCompare("fromList")}
          </button>
        </form>
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          <span>{t("export")}:</span>
          <a href={`/api/export/initiatives.csv?${exportQuery}`} className="text-blue-800 underline" download>
            CSV
          </a>
          <a href={`/api/export/initiatives.json?${exportQuery}`} className="text-blue-800 underline" download>
            JSON
          </a>
          <a href={`/api/export/initiatives.csv?${exportQuery}&labels=${locale}`} className="text-blue-800 underline" download>
            {t("exportWords")}
          </a>
          <a
            href={`${getPathname({ href: "/reports/initiatives", locale })}?${toSearchParams({ ...query, page: undefined, pageSize: undefined })}`}
            className="text-blue-800 underline"
          >
            {tReport("link")}
          </a>
        </p>
      </div>
      {result.total > 0 && result.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center" data-testid="page-beyond">
          <p className="text-lg font-medium">{t("pageBeyond", { page: result.page, pages: result.pageCount })}</p>
          <p className="mt-4">
            <a href={pageLink(1)} className="text-blue-800 underline">
              {t("firstPage")}
            </a>
          </p>
        </div>
      ) : result.total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center">
          <p className="text-lg font-medium">{t("empty")}</p>
          {result.suggestion && (
            <p className="mt-2 text-lg" data-testid="did-you-mean">
              {tMatch("didYouMean")}{" "}
              <a href={`${path}?${toSearchParams({ ...query, page: undefined }, { q: result.suggestion })}`} className="font-medium text-blue-800 underline">
                {result.suggestion}
              </a>
              {tMatch("didYouMeanEnd")}
            </p>
          )}
          <p className="mt-2 text-slate-700">{t("emptyHint")}</p>
          <p className="mt-4">
            <Link href="/initiatives" className="text-blue-800 underline">
              {t("reset")}
            </Link>
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="stack-table w-full text-left" data-testid="initiative-table">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t("columns.title")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("columns.relation")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("columns.status")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("columns.themes")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("columns.proposer")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("columns.countries")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((initiative) => {
                const title = localized(locale, initiative.titleRu, initiative.titleEn);
                const summary = localized(locale, initiative.summaryRu, initiative.summaryEn);
                const summaryParts = terms.length ? snippet(summary, terms, 200) : [];
                const passage = passages.get(initiative.slug);
                return (
                  <tr key={initiative.slug} className="align-top" data-slug={initiative.slug}>
                    <th scope="row" className="px-4 py-3 font-medium">
                      <input
                        type="checkbox"
                        name="i"
                        value={initiative.slug}
                        form="compare-form"
                        aria-label={tCompare("tick", { title })}
                        className="mr-2 h-4 w-4 align-middle"
                      />
                      <Link href={`/initiatives/${initiative.slug}`} className="text-blue-800 underline">
                        {terms.length ? <Highlighted parts={snippet(title, terms, 400)} /> : title}
                      </Link>
                      {result.words && initiative.matchedWords !== null && initiative.matchedWords < result.words.count && (
                        <p className="mt-1 text-sm font-normal text-amber-900" data-testid="partial-match">
                          {tMatch("someWords", { matched: initiative.matchedWords, words: result.words.count })}
                        </p>
                      )}
                      {terms.length > 0 && summaryParts.some((part) => part.match) && (
                        <p className="mt-1 text-sm font-normal text-slate-700">
                          <Highlighted parts={summaryParts} />
                        </p>
                      )}
                      {passage && !summaryParts.some((part) => part.match) && (
                        <p className="mt-1 text-sm font-normal text-slate-700">
                          {t(passage.kind === "quote" ? "matchedQuote" : "matchedNote")}:{" "}
                          <Highlighted parts={passage.parts} lang={passage.kind === "quote" ? "ru" : undefined} />
                        </p>
                      )}
                    </th>
                    <td className="px-4 py-3" data-label={t("columns.relation")}>
                      <MeetingRelationBadge relation={initiative.meetingRelation} />
                    </td>
                    <td className="px-4 py-3" data-label={t("columns.status")}>
                      <StatusBadge status={initiative.status} />
                    </td>
                    <td className="px-4 py-3 text-sm" data-label={t("columns.themes")}>
                      {initiative.themes.map((theme) => tTheme(theme)).join(", ")}
                    </td>
                    <td className="px-4 py-3 text-sm" data-label={t("columns.proposer")}>
                      {initiative.proposer ? localized(locale, initiative.proposer.nameRu, initiative.proposer.nameEn) : "—"}
                    </td>
                    <td className="px-4 py-3 text-sm" data-label={t("columns.countries")}>
                      {initiative.countries.length ? initiative.countries.map((country) => localized(locale, country.nameRu, country.nameEn)).join(", ") : "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {result.pageCount > 1 && (
        <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-3">
          {result.page > 1 && (
            <a href={pageLink(result.page - 1)} rel="prev" className="text-blue-800 underline">
              ← {t("previous")}
            </a>
          )}
          <span>{t("pageOf", { page: result.page, pages: result.pageCount })}</span>
          {result.page < result.pageCount && (
            <a href={pageLink(result.page + 1)} rel="next" className="text-blue-800 underline">
              {t("next")} →
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
