import { describe, expect, it } from "vitest";
import { planDeployment } from "../../src/discord/deploy-plan.js";

const clientId = "111111111111111111";
const guildId = "222222222222222222";

describe("planDeployment", () => {
  it("puts every command in the dev guild and clears the global scope", () => {
    const plan = planDeployment({ clientId, devGuildId: guildId, global: false });
    expect(plan.map(({ route, body }) => [route, body.length])).toEqual([
      [`/applications/${clientId}/guilds/${guildId}/commands`, 2],
      [`/applications/${clientId}/commands`, 0],
    ]);
  });

  it("goes global without a dev guild, or with --global, clearing the dev guild", () => {
    expect(planDeployment({ clientId, global: false }).map(({ route }) => route)).toEqual([`/applications/${clientId}/commands`]);
    const plan = planDeployment({ clientId, devGuildId: guildId, global: true });
    expect(plan.map(({ route, body }) => [route, body.length])).toEqual([
      [`/applications/${clientId}/commands`, 2],
      [`/applications/${clientId}/guilds/${guildId}/commands`, 0],
    ]);
  });

  it("makes /trade installable to servers and users, usable in servers, bot DMs and private channels", () => {
    const [trade, menu] = planDeployment({ clientId, global: true })[0]!.body;
    expect(trade).toMatchObject({ name: "trade", integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(menu).toMatchObject({ name: "Ask trade bot", type: 3, integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(JSON.stringify(trade).length).toBeLessThan(8000);
  });
});
