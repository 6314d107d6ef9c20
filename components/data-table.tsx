import type { ReactNode } from "react";

/**
 * A table of rows under column headings, named by its caption (for screen readers; the page's
 * heading says it to the eye), scrolling sideways on a narrow screen. The caller renders the
 * rows; `dense` is the small print of forms and reports.
 */
export function DataTable({
  caption,
  headings,
  children,
  dense = false,
  className = "",
  testId,
}: {
  caption: string;
  headings: string[];
  children: ReactNode;
  dense?: boolean;
  className?: string;
  testId?: string;
}) {
  return (
    <div className={`overflow-x-auto ${className}`.trim()}>
      <table className={dense ? "w-full text-left text-sm" : "w-full text-left"} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={dense ? undefined : "bg-slate-100 text-sm"}>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col" className={dense ? "py-1 pr-3 last:pr-0" : "px-3 py-2"}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={dense ? undefined : "divide-y divide-slate-100"}>{children}</tbody>
      </table>
    </div>
  );
}
