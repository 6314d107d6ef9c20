/**
 * A minimal `--name value` / `--flag` parser: the bench commands have a handful of options
 * and no dependency is worth adding for them. Unknown options are refused so a typo does
 * not silently run the default (e.g. a 100k-row run when 20 was meant).
 */
export function parseArgs(argv: string[], spec: { numbers?: string[]; strings?: string[]; flags?: string[] }) {
  const numbers = new Map<string, number>();
  const strings = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (spec.flags?.includes(name)) {
      flags.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    if (spec.numbers?.includes(name)) {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a non-negative number, got "${value}"`);
      numbers.set(name, number);
    } else if (spec.strings?.includes(name)) {
      strings.set(name, value);
    } else {
      const known = [...(spec.numbers ?? []), ...(spec.strings ?? []), ...(spec.flags ?? [])].map((n) => `--${n}`).join(", ");
      throw new Error(`Unknown option --${name} (known: ${known})`);
    }
  }
  return {
    number: (name: string, fallback: number) => numbers.get(name) ?? fallback,
    string: (name: string) => strings.get(name),
    flag: (name: string) => flags.has(name),
    has: (name: string) => numbers.has(name) || strings.has(name) || flags.has(name),
  };
}
