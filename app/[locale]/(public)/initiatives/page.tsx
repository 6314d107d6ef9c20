import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { InitiativeFiltersForm } from "@/components/initiative-filters";
import { StatusBadge } from "@/components/status-badge";
import { listCountries } from "@/lib/countries/list-countries";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { listInitiatives, parseInitiativeFilters } from "@/lib/initiatives/list-initiatives";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "list" });
  return { title: t("title") };
}

export default async function InitiativesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const filters = parseInitiativeFilters(await searchParams);
  const [t, tTheme, initiatives, countries] = await Promise.all([
    getTranslations("list"),
    getTranslations("theme"),
    listInitiatives(filters),
    listCountries(),
  ]);

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <InitiativeFiltersForm
        locale={locale}
        action={getPathname({ href: "/initiatives", locale: locale as Locale })}
        filters={filters}
        countries={countries}
      />
      <p role="status" className="font-medium" data-testid="result-count">
        {t("count", { count: initiatives.length })}
      </p>
      {initiatives.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center">
          <p className="text-lg font-medium">{t("empty")}</p>
          <p className="mt-2 text-slate-700">{t("emptyHint")}</p>
          <p className="mt-4">
            <Link href="/initiatives" className="text-blue-800 underline">
              {t("reset")}
            </Link>
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="px-4 py-2">{t("columns.title")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.status")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.themes")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.proposer")}</th>
                <th scope="col" className="px-4 py-2">{t("columns.countries")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {initiatives.map((initiative) => (
                <tr key={initiative.slug} className="align-top">
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link href={`/initiatives/${initiative.slug}`} className="text-blue-800 underline">
                      {localized(locale, initiative.titleRu, initiative.titleEn)}
                    </Link>
                  </th>
                  <td className="px-4 py-3">
                    <StatusBadge status={initiative.status} />
                  </td>
                  <td className="px-4 py-3 text-sm">{initiative.themes.map((theme) => tTheme(theme)).join(", ")}</td>
                  <td className="px-4 py-3 text-sm">
                    {initiative.proposer ? localized(locale, initiative.proposer.nameRu, initiative.proposer.nameEn) : "—"}
                  </td>
                  <td className="px-4 py-3 text-sm">
                    {initiative.countries.length
                      ? initiative.countries.map((country) => localized(locale, country.nameRu, country.nameEn)).join(", ")
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
