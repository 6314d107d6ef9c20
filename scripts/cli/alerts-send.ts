import { deliverAlerts } from "../../lib/alerts/deliver-alerts";
import { mailEnabled } from "../../lib/alerts/mailer";
import { createPrismaClient } from "../../lib/db/create-client";
import { getEnv } from "../../lib/env";
import { sendSuggestionOutcomes } from "../../lib/suggestions/send-outcomes";
import { runCli } from "./run-cli";

/**
 * `npm run alerts:send`: the daily digests (for alerts not sent to in the last 20 hours) and any
 * per-change mail a failed send left behind, and readers' suggestion outcomes not yet mailed. Run it
 * from cron, e.g. daily at 07:00.
 */
runCli(async () => {
  const env = getEnv();
  if (!mailEnabled()) {
    console.log("SMTP_URL is not set: e-mail alerts are off, nothing to send.");
    return;
  }
  const prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS);
  try {
    const report = await deliverAlerts(prisma, { frequencies: ["immediate", "daily"] });
    console.log(`Alerts: ${report.sent} sent, ${report.failed} failed.`);
    const outcomes = await sendSuggestionOutcomes(prisma);
    console.log(`Suggestion outcomes: ${outcomes.sent} sent, ${outcomes.failed} failed.`);
    if (report.failed > 0 || outcomes.failed > 0) process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
});
