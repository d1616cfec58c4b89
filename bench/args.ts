/** Command-line flags as the bench scripts read them. */

/** The value after `name` on the command line ("--set hand-dev" → "hand-dev"), or undefined when the flag is absent. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The value after `flag` in `args`, taken out of it with its flag (what is left are the script's positionals). */
export function takeFlag(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
}
