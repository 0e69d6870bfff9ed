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

/** Interaction and webhook tokens travel inside REST URLs, which errors carry in their messages. */
const TOKEN_IN_URL = /(\/(?:interactions\/\d+|webhooks\/\d+))\/[A-Za-z0-9_.-]{20,}/g;

export interface LoggerOptions {
  level: string;
  /** Where lines go; a file descriptor (pretty on a terminal, JSON otherwise) or a stream (JSON). */
  destination?: DestinationStream | NodeJS.WritableStream;
  fd?: 1 | 2;
  /** Values scrubbed from every line, whatever carries them (the bot token). */
  secrets?: readonly string[];
}

export function createLogger({ level, destination, fd = 1, secrets = [] }: LoggerOptions): Logger {
  const hidden = secrets.filter((secret) => secret.length >= 8);
  const scrub = (line: string) => hidden.reduce((text, secret) => text.replaceAll(secret, "[redacted]"), line.replace(TOKEN_IN_URL, "$1/[redacted]"));
  const options = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, hooks: { streamWrite: scrub } };
  if (destination) return pino(options, destination);
  const isTerminal = fd === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  if (isTerminal) {
    return pino({ ...options, transport: { target: "pino-pretty", options: { destination: fd, colorize: true } } });
  }
  return pino(options, pino.destination({ dest: fd, sync: true }));
}
