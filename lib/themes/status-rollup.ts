import { INITIATIVE_STATUSES, THEMES, type InitiativeStatus, type Theme } from "../domain/vocabulary";

/** Counts by status, every status present (0 when none), plus the total (pure). */
export interface StatusRollup {
  counts: Record<InitiativeStatus, number>;
  total: number;
}

export function emptyCounts(): Record<InitiativeStatus, number> {
  return Object.fromEntries(INITIATIVE_STATUSES.map((status) => [status, 0])) as Record<InitiativeStatus, number>;
}

export function rollUpStatuses(statuses: readonly InitiativeStatus[]): StatusRollup {
  const counts = emptyCounts();
  for (const status of statuses) counts[status]++;
  return { counts, total: statuses.length };
}

/** Share of the total in the given status (0–1); 0 for an empty roll-up. */
export function statusShare(rollup: StatusRollup, status: InitiativeStatus): number {
  return rollup.total === 0 ? 0 : rollup.counts[status] / rollup.total;
}

export type ThemeStatusRow = StatusRollup & { theme: Theme };

/** For every theme (in vocabulary order): counts (theme, status) pairs, one per initiative-theme link. */
export function statusByTheme(links: readonly { theme: Theme; status: InitiativeStatus }[]): ThemeStatusRow[] {
  const rows = new Map<Theme, ThemeStatusRow>(THEMES.map((theme) => [theme, { theme, counts: emptyCounts(), total: 0 }]));
  for (const { theme, status } of links) {
    const row = rows.get(theme)!;
    row.counts[status]++;
    row.total++;
  }
  return [...rows.values()];
}
