import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export interface SourceOption {
  id: number;
  title: string | null;
  outlet: string | null;
  publishedOn: Date | null;
}

export async function listSources(prisma: PrismaClient): Promise<SourceOption[]> {
  return prisma.source.findMany({ select: { id: true, title: true, outlet: true, publishedOn: true }, orderBy: { id: "asc" } });
}
