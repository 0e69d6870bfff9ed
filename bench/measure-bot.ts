import { spawn, spawnSync } from "node:child_process";
import { InteractionResponseType, type APIInteraction } from "discord.js";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ChannelType } from "discord.js";
import { questionText, readsAsQuestion } from "../src/discord/qa-policy.js";
import { FactStore } from "../src/knowledge/store/fact-store.js";
import { FakeDiscord } from "../test/support/fake-discord.js";
import { chatInput, guildIdOnShard, messagePayload, snowflake, user } from "../test/support/interactions.js";
import { measureLoad, processTree, residentMB, type LoadStep } from "./measure-load.js";
import { percentile } from "./stats.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GbenchT.bench-token-never-logged";
const GUILD = "323456789012345678";
const QA_CHANNEL = "223456789012345678";

export interface BotMeasurement {
  asks: number;
  p50Ms: number;
  p99Ms: number;
  /** Channel messages in an opted-in channel (mode always, no cooldown): half questions, half not. */
  messages: { sent: number; questions: number; replies: number; p50Ms: number; p99Ms: number };
  /** Resident memory of the bot process once ready, and after the asks. */
  readyRssMB: number;
  rssMB: number;
  /** Asks arriving at fixed rates against one process, then against a manager with 2 shards. */
  load: LoadStep[];
  shardedLoad: LoadStep[];
}

/** Asks a second offered in turn, each for LOAD_SECONDS. */
const LOAD_RATES = [100, 300, 600, 1_000];
const LOAD_SECONDS = 5;

/**
 * The bot as operators run it (`npm start`: the compiled entry point, with its node flags) against the fake Discord on loopback:
 * the time from dispatching each `/trade ask` to its reply arriving, over `asks` asks one after another.
 */
export async function measureBot(questions: readonly string[], asks: number, messages: number, progress: (message: string) => void): Promise<BotMeasurement> {
  progress("building the bot (npm run build)");
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);

  const one = await launch(1);
  try {
    const readyRssMB = residentMB(one.pid);
    progress(`timing ${asks} asks through the fake Discord`);
    const latencies: number[] = [];
    for (let i = 0; i < asks; i++) {
      const question = questions[i % questions.length]!;
      const { ms, value } = await timedAsync(() => one.fake.interact(askPayload(question, GUILD)));
      if (value.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`ask ${i} got response type ${value.type}`);
      latencies.push(ms);
    }
    progress(`timing ${messages} channel messages, half of them not questions`);
    const channel = await measureChannelMessages(one.fake, questions, messages);
    const rssMB = residentMB(one.pid);
    progress(`one process: offering ${LOAD_RATES.join(", ")} asks a second, ${LOAD_SECONDS} s each`);
    const load = await measureLoad(one.fake, (i) => askPayload(questions[i % questions.length]!, GUILD), { rates: LOAD_RATES, seconds: LOAD_SECONDS, pids: () => processTree(one.pid) });
    await one.stop();

    const two = await launch(2);
    try {
      progress(`2 shards: offering ${LOAD_RATES.join(", ")} asks a second, ${LOAD_SECONDS} s each, half to each shard's guilds`);
      const guilds = [guildIdOnShard(0, 2), guildIdOnShard(1, 2)];
      const sharded = await measureLoad(two.fake, (i) => askPayload(questions[i % questions.length]!, guilds[i % 2]!), { rates: LOAD_RATES, seconds: LOAD_SECONDS, pids: () => processTree(two.pid) });
      return { asks, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), messages: channel, readyRssMB, rssMB, load, shardedLoad: sharded };
    } finally {
      await two.stop();
    }
  } finally {
    await one.stop();
  }
}

interface LaunchedBot {
  fake: FakeDiscord;
  pid: number;
  stop(): Promise<void>;
}

/** The compiled bot with its own fake Discord and database: one process, or a shard manager and `shards` shards. */
async function launch(shards: number): Promise<LaunchedBot> {
  const fake = await FakeDiscord.start({ token: TOKEN, shards });
  const dataDir = mkdtempSync(join(tmpdir(), "trade-facts-bench-"));
  const databasePath = join(dataDir, "facts.db");
  const store = FactStore.open(databasePath);
  if (!store.ok) throw new Error(store.error);
  store.value.qa.setChannel(QA_CHANNEL, GUILD, "always", "bench");
  store.value.close();
  const bot = spawn(process.execPath, startArguments(), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      ASK_COOLDOWN_SECONDS: "0",
      QA_CHANNEL_COOLDOWN_SECONDS: "0",
      LOG_LEVEL: "warn",
      DATABASE_PATH: databasePath,
      SHARD_COUNT: String(shards),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => bot.once("exit", resolve));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    bot.kill("SIGTERM");
    await exited;
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await fake.waitForReady(60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { fake, pid: bot.pid!, stop };
}

function askPayload(question: string, guildId: string): APIInteraction {
  return chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: question }] }], { guildId });
}

/**
 * Questions start at most this often: 40 a second, under the 50 requests a second Discord allows a bot and
 * discord.js enforces (faster, replies queue for the next second: p99 near a second, measured).
 */
const QUESTION_SPACING_MS = 25;

/** Statements people post in a Q&A channel: the question filter drops them before the engine. */
const CHATTER = ["thanks, that helps", "Liaoning exports went up a lot this year", "lol", "good morning everyone", "I read the article yesterday", "agreed"];

/**
 * Messages posted one after another in an opted-in channel (mode always, so every question gets a reply): half
 * of them questions (those too short to read as one are dropped like the statements), half statements. The time
 * from MESSAGE_CREATE to the reply, for the questions; nothing else may get a reply.
 */
async function measureChannelMessages(fake: FakeDiscord, questions: readonly string[], count: number): Promise<BotMeasurement["messages"]> {
  fake.addGuild({ id: GUILD, channels: [{ id: QA_CHANNEL, type: ChannelType.GuildText, name: "ask-trade", position: 0, permission_overwrites: [], guild_id: GUILD }] });
  const latencies: number[] = [];
  let asked = 0;
  let lastStart = -Infinity;
  for (let i = 0; i < count; i++) {
    const text = i % 2 === 0 ? `${questions[(i / 2) % questions.length]!.replace(/\?*$/, "")}?` : CHATTER[i % CHATTER.length]!;
    const message = { ...messagePayload({ channel_id: QA_CHANNEL, author: user(snowflake()), content: text }), guild_id: GUILD };
    if (!readsAsQuestion(questionText(text))) {
      fake.postMessage(message);
      continue;
    }
    asked++;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastStart + QUESTION_SPACING_MS - performance.now())));
    const since = fake.requests.length;
    const started = performance.now();
    lastStart = started;
    fake.postMessage(message);
    await fake.waitForRequest((request) => (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === message.id, 10_000, since);
    latencies.push(performance.now() - started);
  }
  const replies = fake.postedIn(QA_CHANNEL).length;
  if (replies !== asked) throw new Error(`${asked} questions got ${replies} replies: the rest must get none`);
  return { sent: count, questions: asked, replies, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
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
