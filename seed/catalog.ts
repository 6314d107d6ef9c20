import type { CountrySpec, EventSpec, InitiativeSpec, NameFormsSpec, PersonSpec, QuoteSpec, SourceSpec } from "./data/types";
import * as data from "./data/catalog";
import { nameForms } from "./data/name-forms";

export interface Catalog {
  sources: SourceSpec[];
  events: EventSpec[];
  countries: CountrySpec[];
  persons: PersonSpec[];
  initiatives: InitiativeSpec[];
  nameForms: NameFormsSpec;
}

export const catalog: Catalog = {
  sources: data.sources,
  events: data.events,
  countries: data.countries,
  persons: data.persons,
  initiatives: data.initiatives,
  nameForms,
};

/** References between catalogue entries that must resolve; one line per broken one. */
export function findReferenceProblems(c: Catalog): string[] {
  const problems: string[] = [];
  const countries = new Set(c.countries.map((country) => country.code));
  const persons = new Set(c.persons.map((person) => person.slug));
  const events = new Set(c.events.map((event) => event.slug));
  const slugs = new Set<string>();
  for (const initiative of c.initiatives) {
    const at = `initiative ${initiative.slug}`;
    if (slugs.has(initiative.slug)) problems.push(`${at}: duplicate slug`);
    slugs.add(initiative.slug);
    if (!events.has(initiative.event)) problems.push(`${at}: unknown event ${initiative.event}`);
    const proposer = initiative.proposer;
    if (proposer?.country && !countries.has(proposer.country)) problems.push(`${at}: unknown proposer country ${proposer.country}`);
    if (proposer?.person && !persons.has(proposer.person)) problems.push(`${at}: unknown proposer person ${proposer.person}`);
    for (const participant of initiative.participants) {
      if (!countries.has(participant.country)) problems.push(`${at}: unknown country ${participant.country}`);
    }
  }
  for (const person of c.persons) {
    if (person.country && !countries.has(person.country)) problems.push(`person ${person.slug}: unknown country ${person.country}`);
  }
  for (const event of c.events) {
    const seen = new Set<string>();
    for (const attendee of event.attendance) {
      if (!countries.has(attendee.country)) problems.push(`event ${event.slug}: unknown attending country ${attendee.country}`);
      if (seen.has(attendee.country)) problems.push(`event ${event.slug}: ${attendee.country} attends twice`);
      seen.add(attendee.country);
    }
  }
  for (const initiative of c.initiatives) {
    if (!initiative.signatoriesUnnamed) continue;
    const at = `initiative ${initiative.slug}`;
    if (initiative.kind !== "signed_document") problems.push(`${at}: only a signed document can have unnamed signatories`);
    if (initiative.participants.some((p) => p.role === "participant")) problems.push(`${at}: signatories are marked unnamed but participants are listed`);
  }
  return [...problems, ...findSpeakerProblems(c), ...findSharedSpanProblems(c), ...findProposerNameProblems(c)];
}

const spanKey = (quote: QuoteSpec) => `${quote.file}[${quote.start}, ${quote.end})`;

/** Every quote an initiative cites, wherever in its entry. */
export function initiativeQuotes(initiative: InitiativeSpec): QuoteSpec[] {
  return [
    initiative.statusQuote,
    ...(initiative.proposer ? [initiative.proposer.quote] : []),
    ...initiative.quotes,
    ...initiative.participants.map((p) => p.quote),
    ...initiative.metrics.flatMap((m) => [m.baseline?.quote, m.target?.quote, ...m.readings.map((r) => r.quote)].filter((q) => q !== undefined)),
  ];
}

function everyQuote(c: Catalog): QuoteSpec[] {
  return [
    ...c.sources.flatMap((s) => [s.titleQuote, s.outletQuote, s.dateQuote].filter((q) => q !== null)),
    ...c.events.flatMap((e) => [...e.quotes, ...e.attendance.map((a) => a.quote)]),
    ...c.countries.flatMap((country) => country.quotes),
    ...c.persons.flatMap((person) => person.quotes),
    ...c.initiatives.flatMap(initiativeQuotes),
  ];
}

/** An official or expert is a known person with an attribution; one span has one speaker. */
function findSpeakerProblems(c: Catalog): string[] {
  const problems: string[] = [];
  const persons = new Set(c.persons.map((person) => person.slug));
  const speakers = new Map<string, string>();
  for (const quote of everyQuote(c)) {
    const at = `quote ${spanKey(quote)}`;
    const speaker = quote.speaker ?? { kind: "narrator", person: null, attribution: null };
    if (speaker.kind === "narrator" && (speaker.person || speaker.attribution)) problems.push(`${at}: the narrator has no person or attribution`);
    if (speaker.kind !== "narrator") {
      if (!speaker.person || !persons.has(speaker.person)) problems.push(`${at}: ${speaker.kind} speaker needs a known person (got ${speaker.person})`);
      if (!speaker.attribution?.trim()) problems.push(`${at}: ${speaker.kind} speaker needs the attribution phrase as written`);
    }
    const signature = `${speaker.kind}/${speaker.person}/${speaker.attribution}`;
    const earlier = speakers.get(spanKey(quote));
    if (earlier !== undefined && earlier !== signature) problems.push(`${at}: one span, two speakers (${earlier} and ${signature})`);
    speakers.set(spanKey(quote), signature);
  }
  return problems;
}

/** A span is stored once and linked to one initiative, so two initiatives cannot share it. */
function findSharedSpanProblems(c: Catalog): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const initiative of c.initiatives) {
    for (const quote of new Set(initiativeQuotes(initiative).map(spanKey))) {
      const first = owner.get(quote);
      if (first !== undefined) problems.push(`initiative ${initiative.slug}: quote ${quote} already serves ${first}; cite a span of its own`);
      else owner.set(quote, initiative.slug);
    }
  }
  return problems;
}

/** The forms a proposer is named by: the person's and the country's. */
export function proposerNameForms(c: Catalog, proposer: NonNullable<InitiativeSpec["proposer"]>): string[] {
  return [
    ...(proposer.person ? (c.nameForms.persons[proposer.person] ?? []) : []),
    ...(proposer.country ? (c.nameForms.countries[proposer.country] ?? []) : []),
  ];
}

/** A proposer quote must name its proposer in one of the recorded forms. */
function findProposerNameProblems(c: Catalog): string[] {
  const problems: string[] = [];
  for (const person of c.persons) if (!c.nameForms.persons[person.slug]?.length) problems.push(`person ${person.slug}: no recorded name forms`);
  for (const country of c.countries) if (!c.nameForms.countries[country.code]?.length) problems.push(`country ${country.code}: no recorded name forms`);
  for (const initiative of c.initiatives) {
    const proposer = initiative.proposer;
    if (!proposer) continue;
    const forms = proposerNameForms(c, proposer);
    const text = proposer.quote.text.toLocaleLowerCase("ru");
    if (!forms.some((form) => text.includes(form.toLocaleLowerCase("ru")))) {
      const who = [proposer.person, proposer.country].filter(Boolean).join(", ");
      problems.push(`initiative ${initiative.slug}: proposer quote «${proposer.quote.text}» names none of ${who}'s recorded forms (${forms.join(", ")})`);
    }
  }
  return problems;
}
