import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { CountryRole, InitiativeStatus, Stage } from "../domain/vocabulary";
import { sortCountries } from "./country-order";
import { signedCount, type SignedCount } from "./stage-ladder";

export interface MatrixCountry {
  code: string;
  nameRu: string;
  nameEn: string;
  member: boolean;
}

export interface MatrixCell {
  role: CountryRole;
  stage: Stage | null;
}

export interface MatrixRow {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
  /** By country code; a country absent from the map takes no part. */
  cells: Record<string, MatrixCell>;
  /** "Signed by n of m" among the parties; null when no party's stage is known. */
  signed: SignedCount | null;
}

export interface CountryMatrix {
  /** Members of the format first, then partners, each by code. */
  countries: MatrixCountry[];
  rows: MatrixRow[];
}

/** Every initiative × every country: the role and own stage (two queries). */
export async function getCountryMatrix(prisma: PrismaClient): Promise<CountryMatrix> {
  const [countries, initiatives] = await Promise.all([
    prisma.country.findMany({
      select: { code: true, nameRu: true, nameEn: true, member: true },
      orderBy: [{ member: "desc" }, { code: "asc" }],
    }),
    prisma.initiative.findMany({
      where: { mergedIntoId: null },
      select: {
        slug: true,
        titleRu: true,
        titleEn: true,
        status: true,
        participations: { select: { countryCode: true, role: true, stage: true } },
      },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    countries: sortCountries(countries),
    rows: initiatives.map((initiative) => ({
      slug: initiative.slug,
      titleRu: initiative.titleRu,
      titleEn: initiative.titleEn,
      status: initiative.status,
      cells: Object.fromEntries(initiative.participations.map((p) => [p.countryCode, { role: p.role, stage: p.stage }])),
      signed: signedCount(initiative.participations),
    })),
  };
}
