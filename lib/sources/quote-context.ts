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

/** Cuts a text at every span boundary so overlapping quotes can all be highlighted. */
export function segmentText<S extends Span>(text: string, spans: S[]): Segment<S>[] {
  const cuts = new Set<number>([0, text.length]);
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
