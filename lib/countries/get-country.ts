import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { COUNTRY_ROLES, type CountryRole, type InitiativeStatus, type MeetingRelation, type Stage } from "../domain/vocabulary";
import { QUOTE_SPEAKER_SELECT, toQuoteSpeaker, type QuoteSpeaker } from "../initiatives/get-initiative";
import { parseCountryCode } from "./country-order";
import { listRecentHistory, type RecentHistoryEntry } from "./recent-history";
import { COUNTRY_NAME_SELECT, INITIATIVE_NAME_SELECT } from "../initiatives/initiative-select";
import { EVENT_SELECT } from "../events/event-select";

export interface CountryInitiative {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
  meetingRelation: MeetingRelation;
  role: CountryRole;
  /** The country's own stage; null when the sources do not say. */
  stage: Stage | null;
}

export interface CountryAttendance {
  eventSlug: string;
  nameRu: string;
  nameEn: string;
  placeRu: string | null;
  placeEn: string | null;
  dateText: string | null;
  quote: { id: number; sourceId: number; text: string; speaker: QuoteSpeaker | null };
}

export interface CountryPage {
  code: string;
  nameRu: string;
  nameEn: string;
  member: boolean;
  initiatives: CountryInitiative[];
  byRole: { role: CountryRole; count: number }[];
  /** The events the texts say this country took part in, each with its quote. */
  attendance: CountryAttendance[];
  recentChanges: RecentHistoryEntry[];
}

/**
 * A country's initiatives (as proposer, participant or supporter), its role and own stage in
 * each, counts by role and the latest history of those initiatives; null for an unknown code.
 */
export async function getCountryPage(prisma: PrismaClient, rawCode: string, recentLimit = 10): Promise<CountryPage | null> {
  const code = parseCountryCode(rawCode);
  if (!code) return null;
  const [country, initiatives, attendances] = await Promise.all([
    prisma.country.findUnique({ where: { code }, select: { ...COUNTRY_NAME_SELECT, member: true } }),
    prisma.initiative.findMany({
      where: { OR: [{ proposerCountryCode: code }, { participations: { some: { countryCode: code } } }], mergedIntoId: null },
      orderBy: { id: "asc" },
      select: {
        id: true,
        ...INITIATIVE_NAME_SELECT,
        status: true,
        meetingRelation: true,
        participations: { where: { countryCode: code }, select: { role: true, stage: true } },
      },
    }),
    prisma.attendance.findMany({
      where: { countryCode: code },
      orderBy: { eventId: "asc" },
      select: {
        event: { select: EVENT_SELECT },
        quote: { select: { id: true, sourceId: true, text: true, ...QUOTE_SPEAKER_SELECT } },
      },
    }),
  ]);
  if (!country) return null;

  const rows: CountryInitiative[] = initiatives.map((initiative) => {
    // A proposer named on the initiative but without its own participation row is still its proposer.
    const own = initiative.participations[0] ?? { role: "proposer" as const, stage: null };
    return {
      slug: initiative.slug,
      titleRu: initiative.titleRu,
      titleEn: initiative.titleEn,
      status: initiative.status,
      meetingRelation: initiative.meetingRelation,
      role: own.role,
      stage: own.stage,
    };
  });
  const roleOrder = (role: CountryRole) => COUNTRY_ROLES.indexOf(role);
  rows.sort((a, b) => roleOrder(a.role) - roleOrder(b.role));

  return {
    ...country,
    initiatives: rows,
    byRole: COUNTRY_ROLES.map((role) => ({ role, count: rows.filter((row) => row.role === role).length })),
    attendance: attendances.map(({ event: { slug, ...event }, quote }) => ({
      eventSlug: slug,
      ...event,
      quote: { id: quote.id, sourceId: quote.sourceId, text: quote.text, speaker: toQuoteSpeaker(quote) },
    })),
    recentChanges: await listRecentHistory(
      prisma,
      initiatives.map((initiative) => initiative.id),
      recentLimit,
    ),
  };
}
