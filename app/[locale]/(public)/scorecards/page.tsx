import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import { DataTable } from "@/components/data-table";
import { formatAverage } from "@/components/score-badge";
import { publicData } from "@/lib/cache/public-data";
import { dateToDay } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { pageLocale } from "@/lib/i18n/page-locale";
import type { Average } from "@/lib/scorecards/score-averages";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "scorecards" });
  return { title: t("title"), description: t("intro") };
}

/** Averages per country and per theme of the scores editors set; nothing where nobody scored. */
export default async function ScorecardsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const [t, tTheme, format, index, countries] = await Promise.all([
    getTranslations("scorecards"),
    getTranslations("theme"),
    getFormatter(),
    publicData.scorecards(),
    publicData.countries(),
  ]);
  const spread = (stats: Average) => t("spread", { none: stats.spread["-1"], partial: stats.spread["0"], full: stats.spread["1"] });
  // A row's average and how its scores spread, the same in both tables.
  const averageCells = (stats: Average) => (
    <>
      <td className="px-3 py-2 tabular-nums" data-average>
        {formatAverage(stats.average, locale)}
      </td>
      <td className="px-3 py-2 text-sm">{spread(stats)}</td>
    </>
  );
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("intro")}</p>
        <p className="mt-2">
          <Link href="/scorecards/methodology" className="text-blue-800 underline">
            {t("methodologyLink")}
          </Link>
        </p>
      </header>

      {index.total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6" data-testid="no-scores">
          {t("noScores")}
        </p>
      ) : (
        <>
          <p data-testid="scores-summary">
            {t("summary", { count: index.total })}
            {index.latestAsOf && (
              <>
                {" "}
                {t("latestAsOf")}{" "}
                <time dateTime={dateToDay(index.latestAsOf)}>{format.dateTime(index.latestAsOf, { dateStyle: "long", timeZone: "UTC" })}</time>
              </>
            )}
          </p>
          <Card id="by-country" title={t("byCountry")}>
            <DataTable caption={t("byCountry")} headings={[t("country"), t("average"), t("scoreCount")]} className="mt-3" testId="country-averages">
              {index.countries.map((row) => (
                <tr key={row.code} data-country={row.code}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/scorecards/${row.code}`} className="text-blue-800 underline">
                      {localized(locale, row.nameRu, row.nameEn)}
                    </Link>
                  </th>
                  {averageCells(row)}
                </tr>
              ))}
            </DataTable>
          </Card>
          <Card id="by-theme" title={t("byTheme")}>
            <p className="mt-1 text-sm text-slate-700">{t("byThemeIntro")}</p>
            <DataTable caption={t("byTheme")} headings={[t("theme"), t("average"), t("scoreCount")]} className="mt-3" testId="theme-averages">
              {index.themes.map((row) => (
                <tr key={row.theme} data-theme={row.theme}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {tTheme(row.theme)}
                  </th>
                  {averageCells(row)}
                </tr>
              ))}
            </DataTable>
          </Card>
        </>
      )}

      <Card id="every-country" title={t("everyCountry")}>
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
          {countries.map((country) => (
            <li key={country.code}>
              <Link href={`/scorecards/${country.code}`} className="text-blue-800 underline">
                {localized(locale, country.nameRu, country.nameEn)}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
