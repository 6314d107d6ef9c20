import { getTranslations } from "next-intl/server";
import type { CountryMatrix, MatrixCell } from "@/lib/countries/country-matrix";
import { isAtOrBeyond } from "@/lib/countries/stage-ladder";
import type { CountryRole } from "@/lib/domain/vocabulary";
import { localized } from "@/lib/i18n/localized";

const CELL = 22;
const LEFT = 40;
const TOP = 24;
const GROUP_GAP = 12;

export const ROLE_MARK: Record<CountryRole, { fill: string; stroke: string; check: string }> = {
  proposer: { fill: "#1e3a8a", stroke: "#1e3a8a", check: "#ffffff" },
  participant: { fill: "#0f766e", stroke: "#0f766e", check: "#ffffff" },
  supporter: { fill: "#ffffff", stroke: "#475569", check: "#1e293b" },
  candidate: { fill: "#92400e", stroke: "#92400e", check: "#ffffff" },
};

/** The mark of one cell: shape by role (square, circle, hollow square, diamond), a tick when signed or beyond. */
export function RoleMark({ cell, cx, cy, size = 16 }: { cell: MatrixCell | undefined; cx: number; cy: number; size?: number }) {
  if (!cell) return <circle cx={cx} cy={cy} r={2} fill="#94a3b8" />;
  const half = size / 2;
  const mark = ROLE_MARK[cell.role];
  const shape =
    cell.role === "participant" ? (
      <circle cx={cx} cy={cy} r={half} fill={mark.fill} />
    ) : cell.role === "candidate" ? (
      <polygon points={`${cx},${cy - half} ${cx + half},${cy} ${cx},${cy + half} ${cx - half},${cy}`} fill={mark.fill} />
    ) : (
      <rect
        x={cx - half + (cell.role === "supporter" ? 1 : 0)}
        y={cy - half + (cell.role === "supporter" ? 1 : 0)}
        width={size - (cell.role === "supporter" ? 2 : 0)}
        height={size - (cell.role === "supporter" ? 2 : 0)}
        rx={2}
        fill={mark.fill}
        stroke={mark.stroke}
        strokeWidth={2}
      />
    );
  return (
    <>
      {shape}
      {isAtOrBeyond(cell.stage, "signed") && (
        <path
          d={`M${cx - half * 0.5} ${cy} l${half * 0.35} ${half * 0.4} l${half * 0.65} -${half * 0.8}`}
          fill="none"
          stroke={mark.check}
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
    </>
  );
}

/** Every distinct mark, drawn once in the chart's <defs> and placed by <use> (10 × N cells would repeat each shape). */
const MARKS: { key: string; cell: MatrixCell }[] = [
  ...(["proposer", "participant", "supporter", "candidate"] as const).flatMap((role) => [
    { key: role, cell: { role, stage: null } },
    { key: `${role}-signed`, cell: { role, stage: "signed" as const } },
  ]),
];

function markKey(cell: MatrixCell): string {
  return isAtOrBeyond(cell.stage, "signed") ? `${cell.role}-signed` : cell.role;
}

/**
 * The compact form of the country × initiative matrix: countries are rows (members, then
 * partners), initiatives are columns numbered as the rows of the table that follows it.
 * Each cell's hover text names the country and the column number, not the title again: the
 * table below has the titles, and the page stays small (issue 13: the countries page under 150 kB).
 */
export async function CountryMatrixChart({ id, locale, matrix }: { id: string; locale: string; matrix: CountryMatrix }) {
  const [t, tRole, tStage] = await Promise.all([getTranslations("countries"), getTranslations("role"), getTranslations("stage")]);
  const members = matrix.countries.filter((country) => country.member);
  const partners = matrix.countries.filter((country) => !country.member);
  const rowY = (index: number) => TOP + index * CELL + (index >= members.length ? GROUP_GAP : 0);
  const width = LEFT + matrix.rows.length * CELL + 4;
  const height = rowY(matrix.countries.length - 1) + CELL + 4;
  // Members, then partners (a gap between): [first row, row after the last] of each non-empty group.
  const groups = (
    [
      [0, members.length],
      [members.length, matrix.countries.length],
    ] as const
  ).filter(([from, to]) => to > from);

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="h-auto w-full max-w-3xl"
    >
      <title id={`${id}-title`}>{t("compact.title")}</title>
      <desc id={`${id}-desc`}>{t("compact.desc", { initiatives: matrix.rows.length, members: members.length, partners: partners.length })}</desc>
      <defs>
        {groups.map(([from]) => (
          <pattern key={from} id={`${id}-dots-${from}`} x={LEFT} y={rowY(from)} width={CELL} height={CELL} patternUnits="userSpaceOnUse">
            <RoleMark cell={undefined} cx={CELL / 2} cy={CELL / 2} />
          </pattern>
        ))}
        {MARKS.map((mark) => (
          <g key={mark.key} id={`${id}-${mark.key}`}>
            <RoleMark cell={mark.cell} cx={0} cy={0} />
          </g>
        ))}
      </defs>
      {matrix.rows.map((row, column) => (
        <text key={column} x={LEFT + column * CELL + CELL / 2} y={TOP - 8} fontSize={10} textAnchor="middle" fill="#334155">
          {column + 1}
        </text>
      ))}
      {matrix.countries.map(
        (country, index) => index % 2 === 0 && <rect key={country.code} x={LEFT - 2} y={rowY(index)} width={width - LEFT} height={CELL} fill="#f1f5f9" />,
      )}
      {/* "Not involved" (most cells) is a dot pattern under the marks, not one element per cell. */}
      {groups.map(([from, to]) => (
        <rect key={from} x={LEFT} y={rowY(from)} width={matrix.rows.length * CELL} height={(to - from) * CELL} fill={`url(#${id}-dots-${from})`} />
      ))}
      {matrix.countries.map((country, index) => (
        <g key={country.code} data-country={country.code}>
          <text x={LEFT - 8} y={rowY(index) + CELL / 2 + 4} fontSize={11} fontWeight={600} textAnchor="end" fill="#1e293b">
            {country.code}
          </text>
          {matrix.rows.map((row, column) => {
            const cell = row.cells[country.code];
            if (!cell) return null;
            return (
              <g key={column} data-cell={`${row.slug}:${country.code}`} data-role={cell.role}>
                <title>{`${localized(locale, country.nameRu, country.nameEn)} — ${column + 1}: ${tRole(cell.role)}${cell.stage ? `, ${tStage(cell.stage)}` : ""}`}</title>
                <use href={`#${id}-${markKey(cell)}`} x={LEFT + column * CELL + CELL / 2} y={rowY(index) + CELL / 2} />
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

/** What the shapes mean; the same marks as in the chart. */
export async function CountryMatrixLegend() {
  const [t, tRole] = await Promise.all([getTranslations("countries"), getTranslations("role")]);
  const items: { key: string; cell: MatrixCell | undefined; label: string }[] = [
    { key: "proposer", cell: { role: "proposer", stage: null }, label: tRole("proposer") },
    { key: "participant", cell: { role: "participant", stage: null }, label: tRole("participant") },
    { key: "supporter", cell: { role: "supporter", stage: null }, label: tRole("supporter") },
    { key: "candidate", cell: { role: "candidate", stage: null }, label: tRole("candidate") },
    { key: "signed", cell: { role: "participant", stage: "signed" }, label: t("compact.signedMark") },
    { key: "none", cell: undefined, label: t("notInvolved") },
  ];
  return (
    <ul aria-label={t("compact.legend")} className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18" className="shrink-0">
            <RoleMark cell={item.cell} cx={9} cy={9} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
