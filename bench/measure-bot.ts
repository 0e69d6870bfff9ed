import { spawn, spawnSync } from "node:child_process";
import { InteractionResponseType } from "discord.js";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeDiscord } from "../test/support/fake-discord.js";
import { chatInput } from "../test/support/interactions.js";
import { percentile } from "./stats.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GbenchT.bench-token-never-logged";

export interface BotMeasurement {
  asks: number;
  p50Ms: number;
  p99Ms: number;
  /** Resident memory of the bot process once ready, and after the asks. */
  readyRssMB: number;
  rssMB: number;
}

/**
 * The bot as operators run it (`npm start`: the compiled entry point, with its node flags) against the fake Discord on loopback:
 * the time from dispatching each `/trade ask` to its reply arriving, over `asks` asks one after another.
 */
export async function measureBot(questions: readonly string[], asks: number, progress: (message: string) => void): Promise<BotMeasurement> {
  progress("building the bot (npm run build)");
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);

  const fake = await FakeDiscord.start({ token: TOKEN });
  const dataDir = mkdtempSync(join(tmpdir(), "trade-facts-bench-"));
  const bot = spawn(process.execPath, startArguments(), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, ASK_COOLDOWN_SECONDS: "0", LOG_LEVEL: "warn", DATABASE_PATH: join(dataDir, "facts.db") },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await fake.waitForReady(30_000);
    const readyRssMB = residentMB(bot.pid!);
    progress(`timing ${asks} asks through the fake Discord`);
    const latencies: number[] = [];
    for (let i = 0; i < asks; i++) {
      const question = questions[i % questions.length]!;
      const payload = chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: question }] }]);
      const { ms, value } = await timedAsync(() => fake.interact(payload));
      if (value.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`ask ${i} got response type ${value.type}`);
      latencies.push(ms);
    }
    return { asks, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), readyRssMB, rssMB: residentMB(bot.pid!) };
  } finally {
    bot.kill("SIGTERM");
    await new Promise((resolve) => bot.once("exit", resolve));
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The node arguments of `npm start`, so the bench runs the bot exactly as operators do (flags included). */
function startArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const [command, ...args] = scripts.start.split(/\s+/);
  if (command !== "node") throw new Error(`npm start runs "${scripts.start}", not node: update the bench`);
  return args;
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

function residentMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}
