import type { Theme } from "../domain/vocabulary";

export interface CurrentScore {
  initiativeId: number;
  countryCode: string;
  score: number;
  themes: readonly Theme[];
}

export interface Average {
  /** How many current scores it is the mean of (never 0: a group without scores is left out). */
  count: number;
  /** The mean of those scores, from -1 to +1. */
  average: number;
  /** How many of them are -1, 0 and +1. */
  spread: { "-1": number; "0": number; "1": number };
}

/** The current score of each pair: the row with the highest version (rows newest version first or not). */
export function latestScores<R extends { initiativeId: number; countryCode: string; version: number }>(rows: readonly R[]): R[] {
  const latest = new Map<string, R>();
  for (const row of rows) {
    const key = `${row.initiativeId}:${row.countryCode}`;
    const seen = latest.get(key);
    if (!seen || row.version > seen.version) latest.set(key, row);
  }
  return [...latest.values()];
}

function average(scores: readonly number[]): Average {
  const spread = { "-1": 0, "0": 0, "1": 0 };
  for (const score of scores) spread[String(score) as keyof typeof spread]++;
  return { count: scores.length, average: scores.reduce((sum, score) => sum + score, 0) / scores.length, spread };
}

/**
 * Averages per country and per theme, computed only from editors' current scores (pure): a
 * country or theme nobody scored is absent, never shown as 0. An initiative with two themes
 * counts in both.
 */
export function scoreAverages(scores: readonly CurrentScore[]): { byCountry: Map<string, Average>; byTheme: Map<Theme, Average> } {
  const countries = new Map<string, number[]>();
  const themes = new Map<Theme, number[]>();
  for (const item of scores) {
    countries.set(item.countryCode, [...(countries.get(item.countryCode) ?? []), item.score]);
    for (const theme of new Set(item.themes)) themes.set(theme, [...(themes.get(theme) ?? []), item.score]);
  }
  return {
    byCountry: new Map([...countries].map(([code, values]) => [code, average(values)])),
    byTheme: new Map([...themes].map(([theme, values]) => [theme, average(values)])),
  };
}
