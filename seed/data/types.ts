import type {
  CountryRole,
  InitiativeKind,
  InitiativeStatus,
  MeetingRelation,
  SpeakerKind,
  Stage,
  Theme,
} from "../../lib/domain/vocabulary";

/** The two article files copied byte for byte into `seed/articles/`. */
export type SourceFile = "000_02323e7b5ee229ed.txt" | "003_58630abec16fb0d7.txt";

/**
 * A verbatim span of an article. `start`/`end` are JavaScript string indices
 * (UTF-16 code units, end exclusive) into the file decoded as UTF-8; both texts
 * contain only BMP characters, so these equal code point offsets.
 */
export interface QuoteSpec {
  file: SourceFile;
  start: number;
  end: number;
  text: string;
  /** Whose words these are; omitted means the narrator (the outlet itself). */
  speaker?: SpeakerSpec;
}

/**
 * Who says a quote. An official or expert is a person of the catalogue, and the attribution is
 * the phrase that says so as written in the article (e.g. «подчеркнул Глава нашего государства»),
 * near the quote.
 */
export interface SpeakerSpec {
  kind: SpeakerKind;
  person: string | null;
  attribution: string | null;
}

/**
 * The forms in which the articles name each person and country, as written (matched as
 * case-insensitive substrings, so a stem such as «Токаев» also covers «Токаева»). A proposer
 * quote must contain one of its proposer's forms.
 */
export interface NameFormsSpec {
  persons: Record<string, string[]>;
  countries: Record<string, string[]>;
}

export interface SourceSpec {
  file: SourceFile;
  /** Headline as printed, or null when the text has none. */
  title: string | null;
  titleQuote: QuoteSpec | null;
  /** Outlet as named in the text, or null (unknown). */
  outlet: string | null;
  outletQuote: QuoteSpec | null;
  /** ISO date stated in the text, or null (unknown). */
  publishedOn: string | null;
  dateQuote: QuoteSpec | null;
  /** The date is a metadata line above the text, not a dateline printed by the outlet. */
  dateFromMetadata: boolean;
  language: "ru";
}

export interface EventSpec {
  slug: string;
  nameRu: string;
  nameEn: string;
  placeRu: string | null;
  placeEn: string | null;
  /** The date exactly as the text states it (e.g. a range), or null when unknown. */
  dateText: string | null;
  quotes: QuoteSpec[];
  /** Who took part, as the texts name them; one quote per country. */
  attendance: { country: string; quote: QuoteSpec }[];
}

export interface CountrySpec {
  /** ISO 3166-1 alpha-2; "EU" is the ISO-reserved code for the European Union. */
  code: string;
  nameRu: string;
  nameEn: string;
  /** A member of the Consultative Meeting format. */
  member: boolean;
  /** Places where the articles name this country. */
  quotes: QuoteSpec[];
}

export interface PersonSpec {
  slug: string;
  nameRu: string;
  nameEn: string;
  descriptionRu: string;
  descriptionEn: string;
  country: string | null;
  quotes: QuoteSpec[];
}

export interface ParticipationSpec {
  country: string;
  role: CountryRole;
  /** That country's own stage, only where the text states it. */
  stage: Stage | null;
  quote: QuoteSpec;
}

export interface FigureSpec {
  value: number;
  /** The figure exactly as written in the article. */
  text: string;
  quote: QuoteSpec;
}

export interface MetricSpec {
  slug: string;
  nameRu: string;
  nameEn: string;
  unitRu: string;
  unitEn: string;
  baseline: (FigureSpec & { periodText: string | null }) | null;
  target: (FigureSpec & { dateText: string | null }) | null;
  /** Observed values after the baseline, as the articles report them. */
  readings: (FigureSpec & { observedText: string | null })[];
}

export interface InitiativeSpec {
  slug: string;
  titleRu: string;
  titleEn: string;
  summaryRu: string;
  summaryEn: string;
  kind: InitiativeKind;
  themes: Theme[];
  status: InitiativeStatus;
  stage: Stage | null;
  event: string;
  /** What this entry is to its event: an outcome, welcomed there, a bilateral visit, background. */
  meetingRelation: MeetingRelation;
  /** A signed document whose text does not list its signatories (instead of an empty list). */
  signatoriesUnnamed: boolean;
  proposer: { country: string | null; person: string | null; quote: QuoteSpec } | null;
  /** The quote that supports the status (and stage). */
  statusQuote: QuoteSpec;
  /** Further evidence: every article passage that reports this initiative. */
  quotes: QuoteSpec[];
  participants: ParticipationSpec[];
  /** Target date exactly as written, or null when the texts state none. */
  targetDateText: string | null;
  metrics: MetricSpec[];
}
