import type { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** The API reference's building blocks (app/[locale]/(public)/api-docs). Its messages (namespace apiDocs), so each key is checked against them. */
export type Translator = Awaited<ReturnType<typeof getTranslations<"apiDocs">>>;

export const linkClass = "text-blue-800 underline";
const cell = "border-t border-slate-200 px-3 py-2 align-top";
const headCell = "px-3 py-2 text-left font-semibold";

export function Code({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 font-mono text-[0.9em]">{children}</code>;
}

/** An example request shown exactly as it is sent (percent-encoded, so it can be pasted into curl), with its decoded form beside it. */
export function ApiLink({ href }: { href: string }) {
  const decoded = decodeURIComponent(href);
  return (
    <>
      <a href={href} className={`${linkClass} break-all`}>
        <Code>{href}</Code>
      </a>
      {decoded !== href && <span className="ml-2 break-all text-sm text-slate-700">({decoded})</span>}
    </>
  );
}

/** A list of example requests, one link each. */
export function ApiLinks({ hrefs }: { hrefs: readonly string[] }) {
  return (
    <ul className="mt-2 space-y-1">
      {hrefs.map((href) => (
        <li key={href}>
          <ApiLink href={href} />
        </li>
      ))}
    </ul>
  );
}

export function Join({ items, separator }: { items: ReactNode[]; separator: ReactNode }) {
  return (
    <>
      {items.map((item, index) => (
        <span key={index}>
          {index > 0 && separator}
          {item}
        </span>
      ))}
    </>
  );
}

/** A reference table: column headings, then one row a thing, headed by its name in code; on phones each row is a card, its cells named by their heading (`stack-table`, app/globals.css). */
export function DocTable({
  headings,
  rows,
  className = "",
}: {
  headings: string[];
  rows: { key: string; name: ReactNode; cells: ReactNode[] }[];
  className?: string;
}) {
  return (
    <div className={`${className} overflow-x-auto`.trim()}>
      <table className="stack-table w-full border-collapse text-sm">
        <thead className="bg-slate-50">
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col" className={headCell}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className={`${cell} text-left font-normal`}>
                <Code>{row.name}</Code>
              </th>
              {row.cells.map((content, index) => (
                <td key={index} className={cell} data-label={headings[index + 1]}>
                  {content}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A bordered section of the reference with its heading. */
export function DocSection({
  id,
  title,
  level = 3,
  titleClass = "text-lg font-semibold",
  children,
  testId,
}: {
  id: string;
  title: ReactNode;
  level?: 2 | 3;
  titleClass?: string;
  children: ReactNode;
  testId?: string;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-5" data-testid={testId}>
      <Heading id={`${id}-title`} className={titleClass}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
