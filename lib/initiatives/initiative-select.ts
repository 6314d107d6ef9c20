import type { Prisma } from "../generated/prisma/client";
import type { InitiativeKind, InitiativeStatus, MeetingRelation, Stage, Theme } from "../domain/vocabulary";

/** How a view names a country: its code and both names. */
export const COUNTRY_NAME_SELECT = { code: true, nameRu: true, nameEn: true } as const satisfies Prisma.CountrySelect;

/** How a view names and links an initiative. */
export const INITIATIVE_NAME_SELECT = { slug: true, titleRu: true, titleEn: true } as const satisfies Prisma.InitiativeSelect;

/** What the list and the initiative's page both show of it (with its themes), in this order. */
export const INITIATIVE_CORE_SELECT = {
  ...INITIATIVE_NAME_SELECT,
  summaryRu: true,
  summaryEn: true,
  kind: true,
  status: true,
  stage: true,
  meetingRelation: true,
} as const satisfies Prisma.InitiativeSelect;

export const THEMES_SELECT = { select: { theme: true }, orderBy: { theme: "asc" } } as const satisfies Prisma.Initiative$themesArgs;

/** The participating countries, by code. */
export const PARTICIPANT_COUNTRIES_SELECT = {
  select: { country: { select: COUNTRY_NAME_SELECT } },
  orderBy: { countryCode: "asc" },
} as const satisfies Prisma.Initiative$participationsArgs;

export interface InitiativeCore {
  slug: string;
  titleRu: string;
  titleEn: string;
  summaryRu: string;
  summaryEn: string;
  kind: InitiativeKind;
  status: InitiativeStatus;
  stage: Stage | null;
  meetingRelation: MeetingRelation;
  themes: Theme[];
}
