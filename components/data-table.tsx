import type { ReactNode } from "react";

// Banded: a shaded heading row and ruled rows (the scorecards). Dense: the small print of forms and
// reports. Plain: headings in grey over rows that draw their own rules.
const LOOKS = {
  banded: { table: "w-full text-left", head: "bg-slate-100 text-sm", heading: "px-3 py-2", body: "divide-y divide-slate-100" },
  dense: { table: "w-full text-left text-sm", head: undefined, heading: "py-1 pr-3 last:pr-0", body: undefined },
  plain: { table: "w-full text-left", head: "text-sm text-slate-700", heading: "py-1 pr-4 last:pr-0", body: undefined },
} as const;

/**
 * A table of rows under column headings, named by its caption (for screen readers; the page's
 * heading says it to the eye), scrolling sideways on a narrow screen. The caller renders the rows.
 */
export function DataTable({
  caption,
  headings,
  children,
  look = "banded",
  className = "",
  testId,
}: {
  caption: string;
  headings: string[];
  children: ReactNode;
  look?: keyof typeof LOOKS;
  className?: string;
  testId?: string;
}) {
  const style = LOOKS[look];
  return (
    <div className={`overflow-x-auto ${className}`.trim()}>
      <table className={style.table} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={style.head}>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col" className={style.heading}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={style.body}>{children}</tbody>
      </table>
    </div>
  );
}
