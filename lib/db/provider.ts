/** The database engines the tracker runs on; the URL's scheme chooses one. */
export type DatabaseProvider = "sqlite" | "postgres";

const POSTGRES_URL = /^postgres(ql)?:\/\//;

export function databaseProvider(url: string): DatabaseProvider {
  return POSTGRES_URL.test(url) ? "postgres" : "sqlite";
}

/** The URL with its password masked, for logs and messages. */
export function describeDatabaseUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, "$1:***@");
}
