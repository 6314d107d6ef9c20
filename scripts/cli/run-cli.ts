/** Runs a command-line task and turns any failure into a one-line message and exit code 1. */
export function runCli(task: () => Promise<void>): void {
  task().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
