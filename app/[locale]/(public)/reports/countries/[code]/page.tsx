import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ReportView } from "@/components/reports/report-view";
import { formatAverage, ScoreBadge } from "@/components/score-badge";
import { publicData } from "@/lib/cache/public-data";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; code: string }> };

const load = cache((code: string) => Promise.all([publicData.countryReport(code.toUpperCase()), publicData.countryScorecard(code.toUpperCase())]));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const [data] = await load((await params).code);
  if (!data) return {};
  const t = await getTranslations({ locale, namespace: "report" });
  return { title: t("countryTitle", { country: localized(locale, data.country.nameRu, data.country.nameEn) }) };
}

/** One country's initiatives, statuses and (where editors scored) scores, as a printable report. */
export default async function CountryReportPage({ params }: Props) {
  const locale = await pageLocale(params);
  const [data, scorecard] = await load((await params).code);
  if (!data) notFound();
  const [t, tScores] = await Promise.all([getTranslations("report"), getTranslations("scorecards")]);
  const name = localized(locale, data.country.nameRu, data.country.nameEn);
  return (
    <ReportView
      locale={locale}
      title={t("countryTitle", { country: name })}
      report={data.report}
      subtitle={
        <Link href={`/countries/${data.country.code}`} className="text-blue-800 underline print:no-underline">
          {t("openCountry", { country: name })}
        </Link>
      }
    >
      <section aria-labelledby="report-scores" className="break-inside-avoid">
        <h2 id="report-scores" className="text-xl font-semibold">
          {t("scores")}
        </h2>
        {scorecard && scorecard.average ? (
          <>
            <p className="mt-1">{tScores("countryAverage", { average: formatAverage(scorecard.average.average, locale), count: scorecard.average.count })}</p>
            <ul className="mt-2 space-y-1 text-sm">
              {scorecard.scored.map((row) => (
                <li key={row.id}>
                  {localized(locale, row.initiative.titleRu, row.initiative.titleEn)}: <ScoreBadge score={row.score} />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-1">{tScores("countryNoScores")}</p>
        )}
      </section>
    </ReportView>
  );
}
