import "server-only";
import { prisma } from "../db/prisma";

export interface SourceOption {
  id: number;
  title: string | null;
  outlet: string | null;
  publishedOn: Date | null;
}

export async function listSources(): Promise<SourceOption[]> {
  return prisma.source.findMany({ select: { id: true, title: true, outlet: true, publishedOn: true }, orderBy: { id: "asc" } });
}
