import "server-only";
import { prisma } from "../db/prisma";
import { statusByTheme, type ThemeStatusRow } from "../themes/status-rollup";

export type { ThemeStatusRow };

/** For every theme (in vocabulary order), its initiatives counted by status (one query). */
export async function getStatusByTheme(): Promise<ThemeStatusRow[]> {
  const links = await prisma.initiativeTheme.findMany({ select: { theme: true, initiative: { select: { status: true } } } });
  return statusByTheme(links.map((link) => ({ theme: link.theme, status: link.initiative.status })));
}
