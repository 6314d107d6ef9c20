import { getTranslations } from "next-intl/server";
import type { CountryMatrix, MatrixCell } from "@/lib/countries/country-matrix";
import { isAtOrBeyond } from "@/lib/countries/stage-ladder";
import { localized } from "@/lib/i18n/localized";
import { localePath } from "@/lib/i18n/locale-path";

/** The CSS mark of one cell (app/globals.css): shape by role, a tick when signed or beyond. */
function markClass(cell: MatrixCell): string {
  return `mark mark-${cell.role}${isAtOrBeyond(cell.stage, "signed") ? " mark-signed" : ""}`;
}

/**
 * The compact form of the country × initiative matrix: initiatives are rows (named), countries
 * are columns (named, members of the format first). Every mark is a button that opens its details
 * in a popover (country, role, own stage), by tap, click or keyboard, without JavaScript; the
 * details are also its accessible name, the row's header names the initiative. Not the title again
 * in every popover: the page stays small (issue 13). On phones each row puts the initiative's name
 * above its marks (CSS in app/globals.css).
 */
export async function CountryMatrixChart({ id, locale, matrix }: { id: string; locale: string; matrix: CountryMatrix }) {
  const [t, tRole, tStage] = await Promise.all([getTranslations("countries"), getTranslations("role"), getTranslations("stage")]);
  const members = matrix.countries.filter((country) => country.member).length;
  const partners = matrix.countries.length - members;
  return (
    <div className="overflow-x-auto">
      <table id={id} className="matrix-grid" style={{ "--matrix-columns": matrix.countries.length } as React.CSSProperties}>
        <caption className="mb-2 text-left text-sm text-slate-700">
          <span className="font-medium text-slate-900">{t("compact.title")}.</span> {t("compact.desc", { initiatives: matrix.rows.length, members, partners })}
        </caption>
        <thead>
          <tr>
            <td />
            {matrix.countries.map((country, index) => (
              <th key={country.code} scope="col" {...(index === members ? { className: "matrix-first-partner" } : {})}>
                <a href={localePath(locale, `/countries/${country.code}`)} className="text-blue-800 hover:underline">
                  {localized(locale, country.nameRu, country.nameEn)}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, rowIndex) => {
            const title = localized(locale, row.titleRu, row.titleEn);
            return (
              <tr key={row.slug} data-slug={row.slug}>
                <th scope="row">
                  <a href={localePath(locale, `/initiatives/${row.slug}`)} className="text-blue-800 underline">
                    {title}
                  </a>
                </th>
                {matrix.countries.map((country, index) => {
                  const cell = row.cells[country.code];
                  const edge = index === members ? { className: "matrix-first-partner" } : {};
                  // Cells carry no attribute they do not need: the markup is sent twice (HTML and the RSC
                  // payload) for 250 cells. Empty ones are empty; CSS draws their dot.
                  if (!cell) return <td key={country.code} {...edge} />;
                  const tip = `mx${rowIndex}-${index}`;
                  return (
                    <td key={country.code} {...edge}>
                      <button type="button" popoverTarget={tip} aria-labelledby={tip} className={markClass(cell)} />
                      <span popover="auto" id={tip}>
                        {`${localized(locale, country.nameRu, country.nameEn)}: ${tRole(cell.role)}${cell.stage ? `, ${tStage(cell.stage)}` : ""}`}
                      </span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the shapes mean; the same marks as in the chart. */
export async function CountryMatrixLegend() {
  const [t, tRole] = await Promise.all([getTranslations("countries"), getTranslations("role")]);
  const items: { key: string; cell: MatrixCell | null; label: string }[] = [
    { key: "proposer", cell: { role: "proposer", stage: null }, label: tRole("proposer") },
    { key: "participant", cell: { role: "participant", stage: null }, label: tRole("participant") },
    { key: "supporter", cell: { role: "supporter", stage: null }, label: tRole("supporter") },
    { key: "candidate", cell: { role: "candidate", stage: null }, label: tRole("candidate") },
    { key: "signed", cell: { role: "participant", stage: "signed" }, label: t("compact.signedMark") },
    { key: "none", cell: null, label: t("notInvolved") },
  ];
  return (
    <ul aria-label={t("compact.legend")} className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={item.cell ? markClass(item.cell) : "mark mark-none"} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
