/** What both engines' backup and restore share (lib/db/backup.ts for SQLite, lib/db/postgres-backup.ts). */

/** A refusal with a message meant for the operator (no stack trace needed). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** What a database holds, for the operator's summary and for checks. */
export interface DatabaseSummary {
  initiatives: number;
  historyEntries: number;
  /** The id of the newest history entry (null when there is none). */
  latestHistoryEntryId: number | null;
  users: number;
  migrations: { applied: number; latest: string | null };
}

export interface BackupResult {
  path: string;
  bytes: number;
  summary: DatabaseSummary;
}

export interface RestoreResult {
  backupPath: string;
  /** The database restored to: a file path (SQLite) or the URL with its password masked (PostgreSQL). */
  target: string;
  /** What the backup held, before migrations. */
  restored: DatabaseSummary;
  /** Migrations applied after the restore (a backup from an older version is upgraded). */
  appliedMigrations: string[];
  /** Whether the full-text index had to be rebuilt (a backup made before search existed). */
  reindexed: boolean;
  /** The database as it is now, after migrations. */
  current: DatabaseSummary;
}

/** How far a restore is: `done` of `total` items of the dump (PostgreSQL; SQLite's is one step). */
export interface RestoreProgress {
  done: number;
  total: number;
  item: string;
}
