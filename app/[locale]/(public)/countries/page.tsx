import type { Metadata } from "next";
import { publicData } from "@/lib/cache/public-data";
import { getFormatter, getTranslations } from "next-intl/server";
import { CountryMatrixChart, CountryMatrixLegend } from "@/components/charts/country-matrix-chart";
import type { MatrixCountry } from "@/lib/countries/country-matrix";
import { isAtOrBeyond } from "@/lib/countries/stage-ladder";
import { Link } from "@/lib/i18n/navigation";
import { localePath } from "@/lib/i18n/locale-path";
import { localized } from "@/lib/i18n/localized";
import { Card } from "@/components/card";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "countries" });
  return { title: t("title") };
}

export default async function CountriesPage({ params }: Props) {
  const locale = await pageLocale(params);
  const [t, tRole, tStage, format, matrix] = await Promise.all([
    getTranslations("countries"),
    getTranslations("role"),
    getTranslations("stage"),
    getFormatter(),
    publicData.countryMatrix(),
  ]);
  const members = matrix.countries.filter((country) => country.member);
  const partners = matrix.countries.filter((country) => !country.member);
  const name = (country: MatrixCountry) => localized(locale, country.nameRu, country.nameEn);
  const involved = (code: string) => matrix.rows.filter((row) => row.cells[code]).length;

  const countryHeader = (country: MatrixCountry) => (
    <th key={country.code} scope="col" className="w-22 px-1.5 py-2 text-center align-bottom">
      <Link href={`/countries/${country.code}`} title={name(country)} className="text-blue-800 underline">
        <abbr title={name(country)} className="font-bold no-underline" aria-hidden="true">
          {country.code}
        </abbr>
        <span className="sr-only">{name(country)}</span>
      </Link>
    </th>
  );

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("intro")}</p>
      </header>

      <Card id="country-list" title={t("listTitle")}>
        {[
          { key: "members", label: t("members"), countries: members },
          { key: "partners", label: t("partners"), countries: partners },
        ].map((group) => (
          <div key={group.key} className="mt-4">
            <h3 className="font-medium text-slate-800">{group.label}</h3>
            <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {group.countries.map((country) => (
                <li key={country.code} className="flex items-baseline justify-between gap-2 rounded border border-slate-100 px-3 py-2">
                  <Link href={`/countries/${country.code}`} className="font-medium text-blue-800 underline">
                    {name(country)}
                  </Link>
                  <span className="text-sm tabular-nums text-slate-700">{t("initiativeCount", { count: involved(country.code) })}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Card>

      <Card id="matrix-compact" title={t("compact.heading")}>
        <p className="mt-1 text-sm text-slate-700">{t("compact.intro")}</p>
        <figure className="mt-4">
          <CountryMatrixChart id="country-matrix-chart" locale={locale} matrix={matrix} />
          <CountryMatrixLegend />
          <figcaption className="mt-2 text-sm text-slate-700">
            <a href="#matrix-caption" className="text-blue-800 underline">
              {t("compact.seeTable")}
            </a>
          </figcaption>
        </figure>
      </Card>

      <Card id="matrix-table" title={t("table.heading")}>
        {/* On phones the table folds behind one line (app/globals.css, .fold-narrow): the compact matrix
            above is the phone's view, and laying out this table was most of the page's first render there
            (decision 057). From sm up it is always open; the link to its caption above opens it too. On a
            phone the caption is held to the screen's width less the page's and the card's padding (5rem),
            since the region around the table scrolls sideways. */}
        <details className="fold-narrow">
          <summary className="mt-2 cursor-pointer py-1 font-medium text-blue-900">{t("table.show")}</summary>
          <p className="mt-1 text-sm text-slate-700">{t("table.intro")}</p>
          <div className="relative mt-4 overflow-x-auto" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
            <table className="matrix-table min-w-full border-collapse text-left text-sm" data-testid="country-matrix">
              <caption id="matrix-caption" className="mb-2 scroll-mt-32 text-left font-medium text-slate-800 max-sm:max-w-[calc(100vw_-_5rem)]">
                {t("table.caption", { initiatives: matrix.rows.length })}
              </caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" rowSpan={2} className="px-2 py-2 align-bottom">
                    {t("table.number")}
                  </th>
                  <th scope="col" rowSpan={2} className="px-2 py-2 align-bottom">
                    {t("table.initiative")}
                  </th>
                  <th scope="col" rowSpan={2} className="px-2 py-2 align-bottom">
                    {t("table.signed")}
                  </th>
                  <th scope="colgroup" colSpan={members.length} className="border-l border-slate-300 px-2 pt-2 text-center">
                    {t("members")}
                  </th>
                  <th scope="col" rowSpan={2} className="border-l border-slate-300 px-2 py-2 align-bottom">
                    {t("partners")}
                  </th>
                </tr>
                <tr>{members.map(countryHeader)}</tr>
              </thead>
              {/* The body's cells carry no classes, and its links are plain ones: app/globals.css styles them
                  by position (.matrix-table), since this markup is sent twice, in the HTML and the RSC payload. */}
              <tbody className="divide-y divide-slate-200">
                {matrix.rows.map((row, index) => (
                  <tr key={row.slug}>
                    <td>{format.number(index + 1)}</td>
                    <th scope="row">
                      <a href={localePath(locale, `/initiatives/${row.slug}`)}>{localized(locale, row.titleRu, row.titleEn)}</a>
                    </th>
                    <td>
                      {row.signed ? (
                        t("signedBy", { reached: row.signed.reached, total: row.signed.total })
                      ) : (
                        <>
                          <span aria-hidden="true">—</span>
                          <span className="sr-only">{t("noStageKnown")}</span>
                        </>
                      )}
                    </td>
                    {members.map((country) => {
                      const cell = row.cells[country.code];
                      // An empty cell is empty (the intro says what it means; CSS draws a dot).
                      if (!cell) return <td key={country.code} />;
                      const signed = isAtOrBeyond(cell.stage, "signed");
                      return (
                        <td key={country.code}>
                          <span>{tRole(cell.role)}</span>
                          {cell.stage &&
                            (signed ? (
                              <span className="signed">
                                <span aria-hidden="true">✓ </span>
                                {tStage(cell.stage)}
                              </span>
                            ) : (
                              <span>{tStage(cell.stage)}</span>
                            ))}
                        </td>
                      );
                    })}
                    <td>
                      {partners.some((country) => row.cells[country.code]) ? (
                        <ul>
                          {partners
                            .filter((country) => row.cells[country.code])
                            .map((country) => {
                              const cell = row.cells[country.code]!;
                              return (
                                <li key={country.code}>
                                  <a href={localePath(locale, `/countries/${country.code}`)}>{name(country)}</a>
                                  {": "}
                                  {tRole(cell.role)}
                                  {cell.stage && <> · {tStage(cell.stage)}</>}
                                </li>
                              );
                            })}
                        </ul>
                      ) : (
                        <>
                          <span aria-hidden="true">·</span>
                          <span className="sr-only">{t("noPartner")}</span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-3 text-sm text-slate-700">{t("table.signedNote")}</p>
        </details>
      </Card>
    </div>
  );
}
