import { execFileSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { BOT_TOKEN, BotProcess } from "../support/bot-process.js";
import { FakeDiscord } from "../support/fake-discord.js";
import { chatInput } from "../support/interactions.js";
import { freshTempDir, ROOT } from "../support/run-cli.js";

const dir = freshTempDir("trade-facts-production-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The README's production path, as an operator runs it: build once, drop the development dependencies
 * (`npm prune --omit=dev`), `npm start`. The bot must start and answer with no compiler or tsx installed.
 */
it("starts with npm start after npm prune --omit=dev, with no development dependency installed", { timeout: 180_000 }, async () => {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", join(dir, "dist"), "--tsBuildInfoFile", join(dir, "dist/.tsbuildinfo")], { cwd: ROOT });
  for (const path of ["package.json", "package-lock.json", "scripts", "src/knowledge/facts.json", "node_modules"]) {
    cpSync(join(ROOT, path), join(dir, path), { recursive: true, verbatimSymlinks: true });
  }
  execFileSync("npm", ["prune", "--omit=dev", "--offline", "--no-audit", "--no-fund"], { cwd: dir, stdio: "ignore" });
  for (const devOnly of ["typescript", "tsx", "vitest", "eslint"]) expect(existsSync(join(dir, "node_modules", devOnly)), devOnly).toBe(false);

  const fake = await FakeDiscord.start({ token: BOT_TOKEN });
  const bot = BotProcess.start(fake, { DATABASE_PATH: "./data/trade-facts.db" }, { command: "npm", args: ["start", "--silent"], cwd: dir, group: true });
  try {
    await bot.waitForLog((line) => line.msg === "ready", 60_000);
    const reply = await fake.interact(chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: "How much did Liaoning export to Russia?" }] }]));
    expect(reply.data?.embeds?.[0]?.title).toMatch(/42\.64 billion yuan/);
    await bot.stop();
    await bot.waitForLog((line) => line.msg === "stopped");
    expect(fake.takeContractViolations()).toEqual([]);
  } finally {
    await bot.stop();
    await fake.stop();
  }
  expect(bot.logs.filter((line) => (line.level ?? 0) >= 50)).toEqual([]);
});
