const SENTENCE_BOUNDARY = /[.!?…][»"]?\s+|\n+/g;
const MAX_CONTEXT = 300;

export interface QuoteInContext {
  before: string;
  quote: string;
  after: string;
}

/**
 * The sentence(s) around a quote: from the end of the sentence before it to the end
 * of the sentence it finishes in, cut with an ellipsis beyond MAX_CONTEXT characters.
 */
export function quoteInContext(text: string, start: number, end: number): QuoteInContext {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(SENTENCE_BOUNDARY)) {
    const after = match.index + match[0].length;
    if (after <= start) {
      from = after;
    } else if (match.index >= end - 1) {
      to = match.index + match[0].trimEnd().length;
      break;
    }
  }
  const cutBefore = start - from > MAX_CONTEXT;
  const cutAfter = to - end > MAX_CONTEXT;
  if (cutBefore) from = start - MAX_CONTEXT;
  if (cutAfter) to = end + MAX_CONTEXT;
  return {
    before: (cutBefore ? "…" : "") + text.slice(from, start),
    quote: text.slice(start, end),
    after: text.slice(end, Math.max(to, end)) + (cutAfter ? "…" : ""),
  };
}

export interface Span {
  id: number;
  start: number;
  end: number;
}

export interface Segment<S extends Span> {
  text: string;
  start: number;
  /** The spans covering this piece of text, outermost (earliest, longest) first. */
  spans: S[];
}

/** Cuts a text at every span boundary (and at `extraCuts`) so overlapping quotes can all be highlighted. */
export function segmentText<S extends Span>(text: string, spans: S[], extraCuts: number[] = []): Segment<S>[] {
  const cuts = new Set<number>([0, text.length, ...extraCuts.filter((cut) => cut > 0 && cut < text.length)]);
  for (const span of spans) {
    cuts.add(Math.max(0, Math.min(text.length, span.start)));
    cuts.add(Math.max(0, Math.min(text.length, span.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment<S>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({
      text: text.slice(start, end),
      start,
      spans: ordered.filter((span) => span.start <= start && span.end >= end),
    });
  }
  return segments;
}

/** The id of the paragraph starting at `pos` on the source page, where a search hit on that passage links. */
export function passageAnchor(pos: number): string {
  return `passage-${pos}`;
}

export interface Paragraph<S extends Span> {
  /** Offset of the paragraph's first character, as the search index records it (lib/search/search-index.ts). */
  start: number;
  /** Whether it holds any text (blank lines are not indexed, so nothing links to them). */
  blank: boolean;
  segments: Segment<S>[];
}

/** The text cut into its lines (each with its newline), each line cut at its quotes' boundaries. */
export function paragraphSegments<S extends Span>(text: string, spans: S[]): Paragraph<S>[] {
  const starts = [0];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) if (at + 1 < text.length) starts.push(at + 1);
  const segments = segmentText(text, spans, starts);
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? text.length;
    return { start, blank: !text.slice(start, end).trim(), segments: segments.filter((segment) => segment.start >= start && segment.start < end) };
  });
}
