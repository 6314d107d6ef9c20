import type { HighlightPart } from "@/lib/search/stem";

/** Text with the words that matched the search marked. */
export function Highlighted({ parts, lang }: { parts: HighlightPart[]; lang?: string }) {
  return <span lang={lang}>{parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</span>;
}
