import { DiscordAPIError, REST, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import type { CommandModule } from "../../src/discord/command-contract.js";
import { registerCommands } from "../../src/discord/register-commands.js";
import { BOT_TOKEN } from "../support/bot-process.js";
import { FakeDiscord } from "../support/fake-discord.js";

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.stop();
  const violations = fake?.takeContractViolations() ?? [];
  fake = undefined;
  expect(violations).toEqual([]);
});

const ADMIN_GUILD = "1100000000000000031";

/** registerCommands as deploy-commands runs it, against the fake Discord, with what it printed. */
async function register(discord: FakeDiscord, commands: Parameters<typeof registerCommands>[0]) {
  const rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken(BOT_TOKEN);
  const out: string[] = [];
  const err: string[] = [];
  const code = await registerCommands(commands, { clientId: discord.applicationId, adminGuildIds: [ADMIN_GUILD], global: false }, rest, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err, rest };
}

type Node = { name: string; name_localizations?: Record<string, string>; options?: Node[] };

/** The moderators' command with the Russian name of its `qa` group replaced. */
function adminWithQaNamed(russian: string): CommandModule {
  const [admin] = COMMANDS.admin;
  const definition = structuredClone(admin!.definition) as Node;
  const qa = definition.options!.find((option) => option.name === "qa")!;
  qa.name_localizations = { ...qa.name_localizations, ru: russian };
  return { ...admin!, definition: definition as CommandModule["definition"] };
}

describe("registerCommands (npm run deploy-commands)", () => {
  it("registers the commands with their Russian and Chinese names and descriptions, which Discord's rules take", async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN });

    const { code, out, err } = await register(fake, COMMANDS);

    expect([code, err]).toEqual([0, []]);
    expect(out[0]).toBe("Registered trade, Ask trade bot (global).");
    const puts = fake.requests.filter((request) => request.method === "PUT");
    const [trade, menu] = puts[0]!.body as Record<string, unknown>[];
    const [admin] = puts[1]!.body as Record<string, unknown>[];
    expect(trade).toMatchObject({ name: "trade", name_localizations: { ru: "торговля", "zh-CN": "贸易" } });
    expect(menu).toMatchObject({ name: "Ask trade bot", name_localizations: { ru: "Спросить бота о торговле", "zh-CN": "问贸易机器人" } });
    expect(admin).toMatchObject({ name: "trade-admin", name_localizations: { ru: "торговля-админ", "zh-CN": "贸易管理" } });
  });

  it("sends nothing when a translation breaks Discord's rules, and says in one line which command, language and rule, exit 1", async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN });
    const broken = { public: COMMANDS.public, admin: [adminWithQaNamed("Вопросы и ответы")] };

    const { code, out, err, rest } = await register(fake, broken);

    expect(code).toBe(1);
    expect(err).toEqual([
      'deploy-commands: /trade-admin qa (ru): name "Вопросы и ответы" has a space; slash-command names take only letters, digits, - and _. Nothing was sent.',
    ]);
    expect(out).toEqual([]);
    expect(fake.requests.filter((request) => request.method === "PUT")).toEqual([]);

    // Sent anyway, Discord (the fake, held to its published rules) refuses it.
    const sent = rest.put(Routes.applicationGuildCommands(fake.applicationId, ADMIN_GUILD), { body: [broken.admin[0]!.definition] });
    await expect(sent).rejects.toBeInstanceOf(DiscordAPIError);
    expect(fake.takeContractViolations()).toEqual([expect.objectContaining({ status: 400, why: expect.stringMatching(/0\.options\.\d+\.name_localizations\.ru: Command name is invalid/) as unknown })]);
  });
});
