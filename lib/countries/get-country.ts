import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { COUNTRY_ROLES, type CountryRole, type InitiativeStatus, type Stage } from "../domain/vocabulary";
import { parseCountryCode } from "./country-order";
import { listRecentHistory, type RecentHistoryEntry } from "./recent-history";

export interface CountryInitiative {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
  role: CountryRole;
  /** The country's own stage; null when the sources do not say. */
  stage: Stage | null;
}

export interface CountryPage {
  code: string;
  nameRu: string;
  nameEn: string;
  member: boolean;
  initiatives: CountryInitiative[];
  byRole: { role: CountryRole; count: number }[];
  recentChanges: RecentHistoryEntry[];
}

/**
 * A country's initiatives (as proposer, participant or supporter), its role and own stage in
 * each, counts by role and the latest history of those initiatives; null for an unknown code.
 */
export async function getCountryPage(prisma: PrismaClient, rawCode: string, recentLimit = 10): Promise<CountryPage | null> {
  const code = parseCountryCode(rawCode);
  if (!code) return null;
  const [country, initiatives] = await Promise.all([
    prisma.country.findUnique({ where: { code }, select: { code: true, nameRu: true, nameEn: true, member: true } }),
    prisma.initiative.findMany({
      where: { OR: [{ proposerCountryCode: code }, { participations: { some: { countryCode: code } } }] },
      orderBy: { id: "asc" },
      select: {
        id: true,
        slug: true,
        titleRu: true,
        titleEn: true,
        status: true,
        participations: { where: { countryCode: code }, select: { role: true, stage: true } },
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
    recentChanges: await listRecentHistory(
      prisma,
      initiatives.map((initiative) => initiative.id),
      recentLimit,
    ),
  };
}
