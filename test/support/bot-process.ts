import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";
import { ROOT } from "./run-cli.js";
import { tempDbPath } from "./temp-db.js";
import type { FakeDiscord } from "./fake-discord.js";

/** A realistic-looking bot token, long enough that the logger scrubs it, so tests can check it never leaks. */
export const BOT_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfakeT.ok3n-Never-Logged-9f8e7d6c5b4a";

export interface Launch {
  command: string;
  args: string[];
  cwd: string;
  /**
   * Run in a process group of its own, and stop the whole group as a supervisor does (systemd's default,
   * Ctrl-C in a terminal): `npm start` dies on SIGTERM without waiting for the bot it started.
   */
  group?: boolean;
}

const FROM_SOURCES: Launch = { command: process.execPath, args: ["--import", "tsx", "src/index.ts"], cwd: ROOT };

export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/** The bot started through its real entry point (`src/index.ts`), pointed at a fake Discord. */
export class BotProcess {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    private readonly group: boolean,
  ) {
    let buffered = "";
    const collect = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      this.output.push(...lines.filter(Boolean));
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  /** Starts the bot; `launch` runs it some other way than from the sources (e.g. `npm start` in a production install). */
  static start(fake: FakeDiscord | undefined, env: Record<string, string> = {}, launch: Launch = FROM_SOURCES): BotProcess {
    const child = spawn(launch.command, launch.args, {
      cwd: launch.cwd,
      detached: launch.group ?? false,
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: fake?.token ?? BOT_TOKEN,
        DISCORD_CLIENT_ID: fake?.applicationId ?? "1100000000000000001",
        DISCORD_API_URL: fake?.apiUrl ?? "http://127.0.0.1:9/api",
        LOG_LEVEL: "info",
        ASK_COOLDOWN_SECONDS: "0",
        DATABASE_PATH: tempDbPath(),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new BotProcess(child, launch.group ?? false);
  }

  /** The output lines that are JSON log records. */
  get logs(): LogLine[] {
    return this.output.flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  }

  async waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching log line within ${timeoutMs} ms; output:\n${this.output.join("\n")}`);
      if (this.child.exitCode !== null) throw new Error(`bot exited (${this.child.exitCode}) before the log line; output:\n${this.output.join("\n")}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      if (this.group && this.child.pid !== undefined) process.kill(-this.child.pid, "SIGTERM");
      else this.child.kill("SIGTERM");
    }
    return this.exited;
  }
}

/** Ends a test file's bot and fake Discord: the bot must exit 0 with no error logged; its database goes too. */
export async function stopCleanly(bot: BotProcess, fake: FakeDiscord, databasePath: string): Promise<void> {
  const { code } = await bot.stop();
  await fake.stop();
  rmSync(dirname(databasePath), { recursive: true, force: true });
  expect(code).toBe(0);
  expect(bot.logs.filter((line) => (line.level ?? 0) >= 50)).toEqual([]);
}
