/** A command's options, or the exit code when parsing already finished the command. */
export type ParsedFlags<T> = { kind: 'run'; options: T } | { kind: 'exit'; code: number };

/**
 * The shared start of every command: a bad flag prints its message and the usage (exit 2),
 * `--help` prints the usage (exit 0); otherwise the command runs with the parsed options.
 */
export function parseCommandFlags<T extends { help: boolean }>(usage: string, parse: () => T): ParsedFlags<T> {
  let options: T;
  try {
    options = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return { kind: 'exit', code: 2 };
  }
  if (options.help) {
    console.log(usage);
    return { kind: 'exit', code: 0 };
  }
  return { kind: 'run', options };
}
