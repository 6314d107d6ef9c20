import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReportView } from "@/components/reports/report-view";
import { publicData } from "@/lib/cache/public-data";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { parseQueryForPage, toSearchParams } from "@/lib/initiatives/query-initiatives";
import { REPORT_MAX_ROWS } from "@/lib/reports/build-report";
import type { SearchParams } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "report" });
  return { title: t("listTitle") };
}

/** The list's current filtered view (all its rows, not one page) as a printable report. */
export default async function InitiativesReportPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { query } = parseQueryForPage(await searchParams);
  const filters = { ...query, page: undefined, pageSize: undefined };
  const [t, report] = await Promise.all([getTranslations("report"), publicData.initiativesReport(filters, locale)]);
  const listQuery = toSearchParams(filters);
  return (
    <ReportView
      locale={locale}
      title={t("listTitle")}
      report={report}
      subtitle={
        <>
          {listQuery.size > 0 ? t("filtered") : t("unfiltered")} {report.truncated && <strong>{t("truncated", { max: REPORT_MAX_ROWS })} </strong>}
          <Link href={`/initiatives${listQuery.size > 0 ? `?${listQuery}` : ""}`} className="text-blue-800 underline print:no-underline">
            {t("openList")}
          </Link>
        </>
      }
    />
  );
}
