import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/status-badge";
import { publicData } from "@/lib/cache/public-data";
import { INITIATIVE_STATUSES } from "@/lib/domain/vocabulary";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "themesIndex" });
  return { title: t("title") };
}

/** Every theme with its number of initiatives and their statuses, each linking to the theme's page. */
export default async function ThemesPage({ params }: Props) {
  await pageLocale(params);
  const [t, tTheme, rows] = await Promise.all([getTranslations("themesIndex"), getTranslations("theme"), publicData.statusByTheme()]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("intro")}</p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="themes-index">
        {rows.map((row) => (
          <li key={row.theme} data-theme={row.theme} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold">
              <Link href={`/themes/${row.theme}`} className="text-blue-800 underline">
                {tTheme(row.theme)}
              </Link>
            </h2>
            <p className="mt-1 text-slate-700">{t("count", { count: row.total })}</p>
            {row.total > 0 && (
              <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("byStatus")}>
                {INITIATIVE_STATUSES.filter((status) => row.counts[status] > 0).map((status) => (
                  <li key={status} className="flex items-center gap-1 text-sm">
                    <StatusBadge status={status} /> <span className="tabular-nums">{row.counts[status]}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
