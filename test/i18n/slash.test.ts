import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { appCommandName, commandName, slashCommand } from "../../src/i18n/slash.js";

const registered = [...COMMANDS.public, ...COMMANDS.admin].map((command) => command.definition);

describe("commands named in replies", () => {
  it("are named as the member's Discord shows them: the registered localized names", () => {
    const trade = registered.find((command) => command.name === "trade")!;
    const ask = "options" in trade ? trade.options?.find((option) => option.name === "ask") : undefined;
    expect(slashCommand("trade ask", "ru")).toBe(`/${trade.name_localizations?.ru} ${ask?.name_localizations?.ru}`);
    expect(slashCommand("trade ask", "zh-CN")).toBe(`/${trade.name_localizations?.["zh-CN"]} ${ask?.name_localizations?.["zh-CN"]}`);
    expect(slashCommand("trade ask", "en")).toBe("/trade ask");
  });

  it("names options and the context-menu command the same way", () => {
    const app = registered.find((command) => command.name === "Ask trade bot")!;
    expect(appCommandName("Ask trade bot", "ru")).toBe(app.name_localizations?.ru);
    expect(appCommandName("Ask trade bot", "en")).toBe("Ask trade bot");
    expect(commandName("trade ask private", "en")).toBe("private");
    expect(commandName("trade ask private", "zh-CN")).not.toBe("private");
  });
});
