import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";

/** A link to a quote where it stands in its source (the source page marks and scrolls to it). */
export function QuoteLink({ quote, lang, children }: { quote: { id: number; sourceId: number }; lang?: string; children: ReactNode }) {
  return (
    <Link href={`/sources/${quote.sourceId}#quote-${quote.id}`} lang={lang} className="text-blue-800 underline">
      {children}
    </Link>
  );
}
