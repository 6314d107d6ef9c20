import type { CountrySpec, EventSpec, InitiativeSpec, PersonSpec, SourceSpec } from "./data/types";
import * as data from "./data/catalog";

export interface Catalog {
  sources: SourceSpec[];
  events: EventSpec[];
  countries: CountrySpec[];
  persons: PersonSpec[];
  initiatives: InitiativeSpec[];
}

export const catalog: Catalog = {
  sources: data.sources,
  events: data.events,
  countries: data.countries,
  persons: data.persons,
  initiatives: data.initiatives,
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
  return problems;
}
