import type { QuoteInContext as Context } from "@/lib/sources/quote-context";

/** A quote in its sentence: the Russian text exactly as written, the quoted span highlighted. */
export function QuoteInContext({ context, lang = "ru" }: { context: Context; lang?: string }) {
  return (
    <blockquote lang={lang} className="border-l-4 border-amber-400 pl-4 text-slate-800">
      <p>
        {context.before}
        <mark>{context.quote}</mark>
        {context.after}
      </p>
    </blockquote>
  );
}
