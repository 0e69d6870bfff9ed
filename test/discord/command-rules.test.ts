import { ApplicationCommandOptionType, ApplicationCommandType, type APIApplicationCommandOption, type RESTPostAPIApplicationCommandsJSONBody } from "discord.js";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { commandProblems, problemLine } from "../../src/discord/command-rules.js";

const STRING = ApplicationCommandOptionType.String;

const option = (name: string, extra: Partial<APIApplicationCommandOption> = {}): APIApplicationCommandOption =>
  ({ type: STRING, name, description: `The ${name}`, ...extra }) as APIApplicationCommandOption;

const slash = (extra: Partial<RESTPostAPIApplicationCommandsJSONBody> = {}): RESTPostAPIApplicationCommandsJSONBody =>
  ({ name: "trade", description: "Trade answers", ...extra });

const menu = (name: string, nameLocalizations: Record<string, string>): RESTPostAPIApplicationCommandsJSONBody => ({
  type: ApplicationCommandType.Message,
  name,
  name_localizations: nameLocalizations,
});

const lines = (command: RESTPostAPIApplicationCommandsJSONBody) => commandProblems(command).map(problemLine);

describe("commandProblems", () => {
  it("finds nothing wrong with the shipped commands in any of their languages", () => {
    const definitions = [...COMMANDS.public, ...COMMANDS.admin].map((command) => command.definition);
    expect(definitions.flatMap((command) => commandProblems(command))).toEqual([]);
  });

  it("takes lowercase names in any script Discord allows, including Chinese, Devanagari and Thai with their marks", () => {
    const names = { ru: "торговля", "zh-CN": "贸易", hi: "व्यापार", th: "การค้า", de: "handel_2-x" };
    expect(lines(slash({ name_localizations: names, options: [option("question", { name_localizations: { ru: "вопрос", "zh-CN": "问题" } })] }))).toEqual([]);
  });

  it("names the path, the locale and the rule for a slash-command name with a capital, a space, a sign or 33 characters", () => {
    const command = slash({
      options: [
        option("question", { name_localizations: { ru: "Вопрос" } }),
        option("private", { name_localizations: { "zh-CN": "仅 自己" } }),
        option("topic", { name_localizations: { ru: "тема?" } }),
        option("id", { name_localizations: { ru: "и".repeat(33) } }),
      ],
    });
    expect(lines(command)).toEqual([
      '/trade question (ru): name "Вопрос" must be lowercase: "вопрос"',
      '/trade private (zh-CN): name "仅 自己" has a space; slash-command names take only letters, digits, - and _',
      '/trade topic (ru): name "тема?" has "?"; slash-command names take only letters, digits, - and _',
      `/trade id (ru): name "${"и".repeat(33)}" has 33 characters; Discord takes 1 to 32`,
    ]);
  });

  it("holds the default name to the same rules", () => {
    expect(lines(slash({ name: "Trade" }))).toEqual(['/Trade: name "Trade" must be lowercase: "trade"']);
  });

  it("lets a context-menu command's name be mixed case with spaces, up to 32 characters, in a locale Discord knows", () => {
    expect(lines(menu("Ask trade bot", { ru: "Спросить бота о торговле", "zh-CN": "问贸易机器人" }))).toEqual([]);
    expect(lines(menu("Ask trade bot", { ru: "Спросить бота о торговле Китая и России", "es-MX": "Preguntar al bot" }))).toEqual([
      'Ask trade bot (es-MX): "es-MX" is not a locale Discord knows',
      'Ask trade bot (ru): name "Спросить бота о торговле Китая и России" has 39 characters; Discord takes 1 to 32',
    ]);
  });

  it("holds descriptions to 1 to 100 characters and choice names to 1 to 100, in every language", () => {
    const mode = option("mode", {
      choices: [{ name: "shadow", value: "shadow", name_localizations: { ru: "н".repeat(101) } }],
    });
    const command = slash({ description_localizations: { ru: "д".repeat(101), "zh-CN": "" }, options: [mode] });
    expect(lines(command)).toEqual([
      `/trade (ru): description "${"д".repeat(101)}" has 101 characters; Discord takes 1 to 100`,
      "/trade (zh-CN): description is empty; Discord takes 1 to 100 characters",
      `/trade mode:shadow (ru): choice name "${"н".repeat(101)}" has 101 characters; Discord takes 1 to 100`,
    ]);
  });

  it("refuses a locale Discord does not know", () => {
    expect(lines(slash({ name_localizations: { en: "trade" } as Record<string, string>, options: [option("id", { description_localizations: { "zh-HK": "编号" } as Record<string, string> })] }))).toEqual([
      '/trade (en): "en" is not a locale Discord knows',
      '/trade id (zh-HK): "zh-HK" is not a locale Discord knows',
    ]);
  });

  it("refuses two options of one level with one name in a locale, or a translation that is another option's default name", () => {
    const command = slash({
      options: [
        option("title", { name_localizations: { ru: "название", "zh-CN": "标题" } }),
        option("publisher", { name_localizations: { ru: "название" } }),
        option("date", { name_localizations: { "zh-CN": "title" } }),
      ],
    });
    expect(lines(command)).toEqual([
      '/trade publisher (ru): name "название" is also the name of /trade title; options of one level need different names',
      '/trade date (zh-CN): name "title" is also the name of /trade title; options of one level need different names',
    ]);
  });

  it("takes one name at different levels, and a translation equal to its own default name", () => {
    const sub = (name: string) => option(name, { type: ApplicationCommandOptionType.Subcommand, options: [option("id", { name_localizations: { ru: "id", "zh-CN": "编号" } })] } as Partial<APIApplicationCommandOption>);
    expect(lines(slash({ options: [sub("edit"), sub("retire")] }))).toEqual([]);
  });

  it("counts toward 8,000 characters the longest text of each field, not every translation together", () => {
    // The command, 25 subcommands and 75 options: 101 names of 2 characters and descriptions of 77 make 7,979 characters.
    const texts = (length: number, ruLength: number) => ({ description: "d".repeat(length), description_localizations: { ru: "р".repeat(ruLength) } });
    const size = (ruLength: number) =>
      slash({
        name: "tt",
        ...texts(77, ruLength),
        options: Array.from({ length: 25 }, (_, s) => ({
          type: ApplicationCommandOptionType.Subcommand,
          name: `s${String.fromCharCode(97 + s)}`,
          ...texts(77, ruLength),
          options: ["oa", "ob", "oc"].map((name) => ({ type: STRING, name, ...texts(77, ruLength) })),
        })),
      });
    expect(lines(size(77))).toEqual([]);
    expect(lines(size(78))).toEqual(["/tt: the command counts 8080 characters; Discord takes 8000 (the longest text of each name and description)"]);
  });
});
