import type { ReactNode } from "react";
import { StatusBadge } from "@/components/status-badge";
import type { InitiativeStatus } from "@/lib/domain/vocabulary";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";

interface Row {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
}

interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
  className?: string;
}

/**
 * A table of initiatives: the title (linked to its page), the columns the page puts before the
 * status (`beforeStatus`), the status, then the page's other columns (a country's role, the stage,
 * …). On phones each row is a card, its cells named by their column (app/globals.css).
 */
export function InitiativeTable<R extends Row>({
  locale,
  caption,
  headers,
  rows,
  beforeStatus = [],
  columns,
}: {
  locale: string;
  caption: string;
  headers: { initiative: string; status: string };
  rows: R[];
  beforeStatus?: Column<R>[];
  columns: Column<R>[];
}) {
  const headerCells = (list: Column<R>[]) =>
    list.map((column) => (
      <th key={column.header} scope="col" className="px-3 py-2">
        {column.header}
      </th>
    ));
  const cells = (list: Column<R>[], row: R) =>
    list.map((column) => (
      <td key={column.header} className={column.className ?? "px-3 py-2"} data-label={column.header}>
        {column.cell(row)}
      </td>
    ));
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="stack-table w-full text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-sm">
          <tr>
            <th scope="col" className="px-3 py-2">
              {headers.initiative}
            </th>
            {headerCells(beforeStatus)}
            <th scope="col" className="px-3 py-2">
              {headers.status}
            </th>
            {headerCells(columns)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.slug} data-slug={row.slug} className="align-top">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/initiatives/${row.slug}`} className="text-blue-800 underline">
                  {localized(locale, row.titleRu, row.titleEn)}
                </Link>
              </th>
              {cells(beforeStatus, row)}
              <td className="px-3 py-2" data-label={headers.status}>
                <StatusBadge status={row.status} />
              </td>
              {cells(columns, row)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
