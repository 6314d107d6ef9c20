import type { Prisma } from "../generated/prisma/client";

/** An event as every view names and places it: slug, names, place and the date as a source states it. */
export const EVENT_SELECT = {
  slug: true,
  nameRu: true,
  nameEn: true,
  placeRu: true,
  placeEn: true,
  dateText: true,
} as const satisfies Prisma.EventSelect;

export type EventFields = Prisma.EventGetPayload<{ select: typeof EVENT_SELECT }>;
