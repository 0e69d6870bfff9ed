import { createInterface } from "node:readline";

/** A usage error: one readable line on stderr, exit code 2. */
export function exitWithUsage(message: string, usage: string): never {
  process.stderr.write(`${message} ${usage}\n`);
  process.exit(2);
}

/** Node's parseArgs errors, said in one short line. */
export function describeArgsError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown option ${option}.`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) return `option ${option} needs a value.`;
  return message.split("\n")[0] ?? message;
}

/** A failure of the data or the environment: its lines on stderr, exit code 1. */
export function exitWithError(lines: readonly string[]): never {
  process.stderr.write(`${lines.join("\n")}\n`);
  process.exit(1);
}

export async function* stdinLines(): AsyncGenerator<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) yield line;
}

/**
 * A reader that closed the pipe (`ask --json - | head -1`) has all it wanted: end quietly with success instead
 * of crashing on EPIPE.
 */
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
}
