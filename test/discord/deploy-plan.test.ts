import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { planDeployment } from "../../src/discord/deploy-plan.js";

const clientId = "111111111111111111";
const guildId = "222222222222222222";

describe("planDeployment", () => {
  it("puts every command in the dev guild and clears the global scope", () => {
    const plan = planDeployment(COMMANDS, { clientId, devGuildId: guildId, global: false });
    expect(plan.map(({ route, body }) => [route, body.length])).toEqual([
      [`/applications/${clientId}/guilds/${guildId}/commands`, 2],
      [`/applications/${clientId}/commands`, 0],
    ]);
  });

  it("goes global without a dev guild, or with --global, clearing the dev guild", () => {
    expect(planDeployment(COMMANDS, { clientId, global: false }).map(({ route }) => route)).toEqual([`/applications/${clientId}/commands`]);
    const plan = planDeployment(COMMANDS, { clientId, devGuildId: guildId, global: true });
    expect(plan.map(({ route, body }) => [route, body.length])).toEqual([
      [`/applications/${clientId}/commands`, 2],
      [`/applications/${clientId}/guilds/${guildId}/commands`, 0],
    ]);
  });

  it("puts the moderator commands only in the admin guilds, guild-only, Manage Server by default", () => {
    const adminGuild = "333333333333333333";
    const plan = planDeployment(COMMANDS, { clientId, adminGuildIds: [adminGuild], global: false });
    expect(plan.map(({ route, body }) => [route, body.map((command) => command.name)])).toEqual([
      [`/applications/${clientId}/commands`, ["trade", "Ask trade bot"]],
      [`/applications/${clientId}/guilds/${adminGuild}/commands`, ["trade-admin"]],
    ]);
    expect(plan[1]?.body[0]).toMatchObject({ contexts: [0], integration_types: [0], default_member_permissions: "32" });
  });

  it("gives a dev guild that is also an admin guild both lists in one PUT", () => {
    const plan = planDeployment(COMMANDS, { clientId, devGuildId: guildId, adminGuildIds: [guildId], global: false });
    expect(plan.map(({ route, body }) => [route, body.map((command) => command.name)])).toEqual([
      [`/applications/${clientId}/guilds/${guildId}/commands`, ["trade", "Ask trade bot", "trade-admin"]],
      [`/applications/${clientId}/commands`, []],
    ]);
  });

  it("makes /trade installable to servers and users, usable in servers, bot DMs and private channels", () => {
    const [trade, menu] = planDeployment(COMMANDS, { clientId, global: true })[0]!.body;
    expect(trade).toMatchObject({ name: "trade", integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(menu).toMatchObject({ name: "Ask trade bot", type: 3, integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(JSON.stringify(trade).length).toBeLessThan(8000);
  });
});
