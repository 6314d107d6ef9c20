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
  headings: Heading[];
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
          <ColumnHeadings headings={headings} className={style.heading} />
        </thead>
        <tbody className={style.body}>{children}</tbody>
      </table>
    </div>
  );
}

/** A column heading: its text, and classes of its own (e.g. right-aligned over numbers). */
export type Heading = string | { label: string; className: string };

/** A table's row of column headings, each styled by `className` (and its own classes). */
export function ColumnHeadings({ headings, className, rowClassName }: { headings: Heading[]; className?: string; rowClassName?: string }) {
  return (
    <tr className={rowClassName}>
      {headings.map((heading) => {
        const { label, className: own } = typeof heading === "string" ? { label: heading, className: "" } : heading;
        return (
          <th key={label} scope="col" className={[className, own].filter(Boolean).join(" ") || undefined}>
            {label}
          </th>
        );
      })}
    </tr>
  );
}
