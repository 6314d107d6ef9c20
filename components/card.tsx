import type { ReactNode } from "react";

/** The white, bordered section every page is made of, labelled by its own heading. */
export function Card({ id, title, className, children }: { id: string; title: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`rounded-lg border border-slate-200 bg-white p-5${className ? ` ${className}` : ""}`}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
