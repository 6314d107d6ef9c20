import type { Metadata } from "next";
import { FeedLink } from "@/components/feed-link";
import { publicData } from "@/lib/cache/public-data";
import { getFormatter, getTranslations } from "next-intl/server";
import { HistoryList } from "@/components/history-list";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { dayToDate, daysBefore, parseDay } from "@/lib/dates";
import { firstParam } from "@/lib/http/search-params";
import { changedOnOrAfter } from "@/lib/history/list-history";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Card } from "@/components/card";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Paged, so a "since 1900" view is one page of entries, not the whole history; past the last
// page the downloads hold everything.
const PAGE_SIZE = 50;
const MAX_PAGE = 100;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "changes" }))("title") };
}

/** "What changed since …": every editor's change that took effect on or after the chosen day, grouped by initiative. */
export default async function ChangesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const requested = firstParam(query.since);
  const rawPage = firstParam(query.page);
  const page = rawPage && /^\d{1,3}$/.test(rawPage) ? Math.min(Math.max(Number(rawPage), 1), MAX_PAGE) : 1;
  const valid = parseDay(requested);
  const since = valid ?? daysBefore(30);
  const [t, format, entries, countries, metrics] = await Promise.all([
    getTranslations("changes"),
    getFormatter(),
    // "Since a day" includes that day: entries after the end of the day before.
    // One more than a page tells whether there is a next one.
    // Real changes by effective date; the seed's imported entries are the starting point, not changes.
    publicData.history({ changedSince: changedOnOrAfter(since), order: "desc", limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
    publicData.countries(),
    publicData.metricNames(),
  ]);
  const more = entries.length > PAGE_SIZE;
  const shown = entries.slice(0, PAGE_SIZE);
  const pageHref = (target: number) => `/changes?since=${since}${target > 1 ? `&page=${target}` : ""}`;
  const groups = new Map<string, typeof entries>();
  for (const entry of shown) groups.set(entry.initiative.slug, [...(groups.get(entry.initiative.slug) ?? []), entry]);
  const metricNames = Object.fromEntries(metrics.map((metric) => [metric.slug, localized(locale, metric.nameRu, metric.nameEn)]));
  const countryNames = Object.fromEntries(countries.map((country) => [country.code, localized(locale, country.nameRu, country.nameEn)]));

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <form
        method="get"
        action={getPathname({ href: "/changes", locale })}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div>
          <label htmlFor="changes-since" className="font-medium">
            {t("since")}
          </label>
          <input id="changes-since" name="since" type="date" defaultValue={since} className="mt-1 block rounded border border-slate-400 bg-white px-2 py-1.5" />
        </div>
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          {t("show")}
        </button>
        {requested && !valid && (
          <p role="alert" className="w-full text-sm font-medium text-red-800">
            {t("invalidDate")}
          </p>
        )}
      </form>
      <p role="status" className="font-medium" data-testid="changes-summary">
        {page > 1 || more ? `${t("pageOf", { page, first: (page - 1) * PAGE_SIZE + 1, last: (page - 1) * PAGE_SIZE + shown.length })} ` : null}
        {t("summary", { entries: shown.length, initiatives: groups.size, since: format.dateTime(dayToDate(since), { dateStyle: "long" }) })}
      </p>
      <p className="text-sm text-slate-700">{t("byEffectiveDate")}</p>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        <span>{t("download")}:</span>
        <a href={`/api/export/history.csv?changedSince=${since}`} className="text-blue-800 underline" download>
          CSV
        </a>
        <a href={`/api/export/history.json?changedSince=${since}`} className="text-blue-800 underline" download>
          JSON
        </a>
        <a href={`/api/export/history.csv?changedSince=${since}&labels=${locale}`} className="text-blue-800 underline" download>
          {t("downloadWords")}
        </a>
        <a href="/api/export/history.csv" className="text-blue-800 underline" download>
          {t("fullHistory")}
        </a>
        <FeedLink target={{ kind: "history" }} className="text-blue-800 underline" />
      </p>
      {[...groups.entries()].map(([slug, items]) => (
        <Card
          key={slug}
          id={`changes-${slug}`}
          title={
            <Link href={`/initiatives/${slug}`} className="text-blue-800 underline">
              {localized(locale, items[0]!.initiative.titleRu, items[0]!.initiative.titleEn)}
            </Link>
          }
        >
          <HistoryList entries={items} countryNames={countryNames} metricNames={metricNames} />
        </Card>
      ))}
      {(page > 1 || more) && (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-3">
          {page > 1 && (
            <Link href={pageHref(page - 1)} rel="prev" className="text-blue-800 underline">
              ← {t("newer")}
            </Link>
          )}
          {more && page < MAX_PAGE && (
            <Link href={pageHref(page + 1)} rel="next" className="text-blue-800 underline">
              {t("older")} →
            </Link>
          )}
          {more && page === MAX_PAGE && <span>{t("olderInDownloads")}</span>}
        </nav>
      )}
    </div>
  );
}
