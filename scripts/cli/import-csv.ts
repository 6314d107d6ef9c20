import { readFileSync } from "node:fs";
import { createPrismaClient } from "../../lib/db/create-client";
import { getEnv } from "../../lib/env";
import { importCsv } from "../../lib/imports/import-csv";
import { isReviewRequired } from "../../lib/settings/settings";
import { progress } from "./progress";
import { runCli } from "./run-cli";

const USAGE = `Usage: npm run import:csv -- <file.csv> --as <editor e-mail> --note "<why>" [--apply]
  Status changes and figure readings from a CSV (README, "Bulk update from a spreadsheet"), through
  the same function as the editor desk's page. Without --apply it is a dry run: every row's outcome
  and every problem, nothing written. With --apply all rows are written in one transaction, or none.
  --as: the account the changes are attributed to (an active editor or admin).`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

runCli(async () => {
  const args = process.argv.slice(2);
  const file = args.find((arg, i) => !arg.startsWith("--") && !["--as", "--note"].includes(args[i - 1] ?? ""));
  const email = option(args, "--as");
  const note = option(args, "--note")?.trim();
  if (!file || !email || !note) throw new Error(USAGE);
  const env = getEnv();
  const prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS);
  try {
    const user = await prisma.user.findUnique({
      where: { email: email.toLowerCase() },
      select: { id: true, email: true, displayName: true, role: true, active: true },
    });
    if (!user || !user.active) throw new Error(`No active account ${email}.`);
    let report: ((done: number) => void) | undefined;
    const result = await importCsv(prisma, user, {
      csv: readFileSync(file, "utf8"),
      note,
      apply: args.includes("--apply"),
      reviewRequired: await isReviewRequired(prisma),
      onProgress: (done, total) => {
        report ??= progress("Rows", total);
        report(done);
      },
    });
    for (const issue of result.issues)
      console.log(`row ${issue.row}${issue.column ? `, column ${issue.column}` : ""}: ${issue.code}${issue.values ? ` ${JSON.stringify(issue.values)}` : ""}`);
    const counts = new Map<string, number>();
    for (const row of result.rows) for (const outcome of row.outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    console.log([...counts].map(([outcome, count]) => `${outcome}: ${count}`).join(", ") || "no rows");
    if (result.issues.length) throw new Error(`${result.issues.length} problem(s): nothing was written.`);
    console.log(
      result.applied ? `Applied ${result.rows.length} rows.` : `Dry run: ${result.rows.length} rows can be applied; nothing was written (add --apply).`,
    );
  } finally {
    await prisma.$disconnect();
  }
});
