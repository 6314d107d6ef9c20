import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { createPrismaClient } from "../../lib/db/create-client";
import { getEnv } from "../../lib/env";
import { createUser, UserError } from "../../lib/users/manage-users";
import { createUserSchema } from "../../lib/users/user-schemas";
import messages from "../../lib/i18n/messages/en.json";
import { runCli } from "./run-cli";

const USAGE =
  'Usage: npm run user:create -- --email you@example.org --role admin|editor [--name "Display name"]\n' +
  "The password is read from standard input (piped) or asked for at a hidden prompt; never pass it as an argument.";

/** Reads the password from a pipe, or from the terminal without echoing it. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.replace(/\r?\n$/, "");
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      muted = false;
      rl.question(question, resolve);
      muted = true;
    });
  const first = await ask("Password (at least 12 characters): ");
  process.stdout.write("\n");
  const second = await ask("Repeat the password: ");
  process.stdout.write("\n");
  rl.close();
  if (first !== second) throw new Error("The passwords do not match.");
  return first;
}

runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
    strict: true,
  });
  if (values.password !== undefined) throw new Error(`Passwords are never taken from the command line.\n${USAGE}`);
  if (!values.email || !values.role) throw new Error(USAGE);
  const parsed = createUserSchema.safeParse({
    email: values.email,
    role: values.role,
    displayName: values.name ?? values.email.split("@")[0],
    password: await readPassword(),
  });
  if (!parsed.success) {
    const explain = (key: string) => (messages.errors as Record<string, string>)[key] ?? key;
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${explain(issue.message)}`).join("\n");
    throw new Error(`Cannot create the user:\n${problems}\n${USAGE}`);
  }
  const env = getEnv();
  const prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS);
  try {
    const user = await createUser(prisma, parsed.data);
    console.log(`Created ${user.role} ${user.email} (${user.displayName}).`);
  } catch (error) {
    if (error instanceof UserError && error.code === "emailTaken") throw new Error(`A user with the e-mail ${parsed.data.email} already exists.`);
    throw error;
  } finally {
    await prisma.$disconnect();
  }
});
