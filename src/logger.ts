import pino, { type DestinationStream, type Logger } from "pino";

/** Secrets that must never reach a log line, wherever they sit in a logged object. */
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "*.*.token",
  "DISCORD_TOKEN",
  "*.DISCORD_TOKEN",
  "discordToken",
  "*.discordToken",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "*.*.headers.authorization",
];

export interface LoggerOptions {
  level: string;
  /** Where lines go; stdout when omitted. Pretty lines when it is a terminal, JSON otherwise. */
  destination?: DestinationStream | NodeJS.WritableStream;
  fd?: 1 | 2;
}

export function createLogger({ level, destination, fd = 1 }: LoggerOptions): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  if (destination) return pino(options, destination);
  const isTerminal = fd === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  if (isTerminal) {
    return pino({ ...options, transport: { target: "pino-pretty", options: { destination: fd, colorize: true } } });
  }
  return pino(options, pino.destination({ dest: fd, sync: false }));
}
