import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export interface CountryOption {
  code: string;
  nameRu: string;
  nameEn: string;
  member: boolean;
}

export async function listCountries(prisma: PrismaClient): Promise<CountryOption[]> {
  return prisma.country.findMany({
    select: { code: true, nameRu: true, nameEn: true, member: true },
    orderBy: [{ member: "desc" }, { code: "asc" }],
  });
}
