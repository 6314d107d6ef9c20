import "server-only";
import { prisma } from "../db/prisma";

export interface CountryOption {
  code: string;
  nameRu: string;
  nameEn: string;
  member: boolean;
}

export async function listCountries(): Promise<CountryOption[]> {
  return prisma.country.findMany({
    select: { code: true, nameRu: true, nameEn: true, member: true },
    orderBy: [{ member: "desc" }, { code: "asc" }],
  });
}
