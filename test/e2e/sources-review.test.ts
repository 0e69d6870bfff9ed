import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ComponentType, MessageFlags, PermissionFlagsBits, type APIApplicationCommandInteractionDataBasicOption, type APIChatInputApplicationCommandInteraction, type APIEmbed } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FactBase } from "../../src/knowledge/schema.js";
import { BOT_TOKEN, BotProcess, stopCleanly } from "../support/bot-process.js";
import { FakeDiscord, type InteractionCallback } from "../support/fake-discord.js";
import { autocomplete, chatInput, component, FAKE_IDS, messagePayload, modalSubmit, snowflake, type InteractionContext } from "../support/interactions.js";
import { runCli } from "../support/run-cli.js";
import { tempDbPath } from "../support/temp-db.js";

const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands;
const MODERATOR = MEMBER | PermissionFlagsBits.ManageGuild;
const EPHEMERAL = MessageFlags.Ephemeral;
const WIRE_PAGE = readFileSync(new URL("../sources/fixtures/wire-article.html", import.meta.url));
const WIRE_TITLE = "Heilongjiang's trade with Russia climbs 18% in first 10 months";

const DATABASE_PATH = tempDbPath();
let fake: FakeDiscord;
let bot: BotProcess;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  site = createServer((request, response) => {
    if (request.url === "/wire") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(WIRE_PAGE);
    else if (request.url === "/moved") response.writeHead(301, { location: "/wire" }).end();
    else if (request.url === "/report.pdf") response.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7\n");
    else if (request.url === "/to-private") response.writeHead(302, { location: "http://192.168.0.10/wire" }).end();
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://news.test:${(site.address() as AddressInfo).port}`;
  fake = await FakeDiscord.start({ token: BOT_TOKEN });
  bot = BotProcess.start(fake, { ADMIN_GUILD_IDS: FAKE_IDS.guildId, DATABASE_PATH, ALLOW_PRIVATE_SOURCE_URLS: "127.0.0.1,news.test=127.0.0.1" });
  await bot.waitForLog((line) => line.msg === "ready");
});

afterEach(() => expect(fake.takeContractViolations()).toEqual([]));

afterAll(async () => {
  await stopCleanly(bot, fake, DATABASE_PATH);
  await new Promise<void>((resolve) => site.close(() => resolve()));
});

const moderator = (): InteractionContext => ({ guildId: FAKE_IDS.guildId, userId: snowflake(), permissions: MODERATOR });
const member = (): InteractionContext => ({ guildId: FAKE_IDS.guildId, userId: snowflake(), permissions: MEMBER });

type Option = APIApplicationCommandInteractionDataBasicOption;
const str = (name: string, value: string): Option => ({ name, type: 3, value });

/** `/trade-admin sources add` with options; an attachment is served by the fake Discord as Discord's CDN would. */
function sourcesAdd(options: Option[], ctx: InteractionContext, file?: { name: string; content: Buffer | string }): APIChatInputApplicationCommandInteraction {
  const id = snowflake();
  const fileOption: Option[] = file ? [{ name: "file", type: 11, value: id }] : [];
  const payload = chatInput("trade-admin", [{ name: "sources", type: 2, options: [{ name: "add", type: 1, options: [...fileOption, ...options] }] }], ctx);
  if (!file) return payload;
  const url = fake.serveFile(`/attachments/${id}/${file.name}`, file.content, "text/plain; charset=utf-8");
  const attachment = { id, filename: file.name, size: Buffer.byteLength(file.content), url, proxy_url: url, content_type: "text/plain; charset=utf-8" };
  return { ...payload, data: { ...payload.data, resolved: { attachments: { [id]: attachment } } } };
}

interface MessageEdit {
  content?: string;
  embeds?: APIEmbed[];
  components?: { components: { custom_id: string; label: string }[] }[];
  allowed_mentions?: unknown;
}

/** Sends the command; it is deferred privately, and the edit of that reply is what the moderator sees. */
async function deferred(payload: APIChatInputApplicationCommandInteraction): Promise<MessageEdit> {
  const reply = await fake.interact(payload);
  expect(reply.type).toBe(5);
  expect(reply.data?.flags).toBe(EPHEMERAL);
  const edit = await fake.waitForRequest((request) => request.method === "PATCH" && request.path.split("/").includes(payload.token));
  const body = edit.body as MessageEdit;
  expect(body.allowed_mentions).toEqual({ parse: [] });
  return body;
}

const buttonIds = (message: MessageEdit) => (message.components ?? []).flatMap((row) => row.components.map((button) => button.custom_id));
const press = (customId: string, ctx: InteractionContext) => fake.interact(component(customId, { componentType: ComponentType.Button }, ctx));
const confirmButton = (preview: MessageEdit) => buttonIds(preview).find((id) => id.startsWith("admin:source-confirm:"))!;

/** Presses Add source: acknowledged at once (the preview stays), then the preview is replaced by what was stored. */
async function confirmSource(customId: string, ctx: InteractionContext): Promise<MessageEdit> {
  const payload = component(customId, { componentType: ComponentType.Button }, ctx);
  expect((await fake.interact(payload)).type).toBe(6);
  const edit = await fake.waitForRequest((request) => request.method === "PATCH" && request.path.split("/").includes(payload.token));
  const body = edit.body as MessageEdit;
  expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(body.components).toEqual([]);
  return body;
}

function exported(): FactBase {
  const run = runCli("facts", ["export"], undefined, { DATABASE_PATH });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as FactBase;
}

function expectOneLineRefusal(edit: MessageEdit, content: string | RegExp): void {
  if (typeof content === "string") expect(edit.content).toBe(content);
  else expect(edit.content).toMatch(content);
  expect(edit.content).not.toContain("\n");
  expect(edit.components ?? []).toEqual([]);
}

describe("/trade-admin sources add with a link", () => {
  it("previews the article (title, length, first lines) and stores it only when the moderator confirms", async () => {
    const ctx = moderator();
    const before = exported().sources.length;
    const preview = await deferred(sourcesAdd([str("url", `${siteUrl}/moved`), str("publisher", "Northeast Wire")], ctx));
    expect(preview.content).toBe("**Nothing is stored yet.** Add this source?");
    const embed = preview.embeds![0]!;
    expect(embed.title).toBe(WIRE_TITLE);
    expect(embed.url).toBe(`${siteUrl}/wire`);
    expect(embed.description).toMatch(/^> HARBIN, Nov\. 20 \(Northeast Wire\) -- Trade between/);
    expect(embed.fields?.find((field) => field.name === "Length")?.value).toMatch(/^1,\d{3} characters, \d{3} words$/);
    expect(embed.fields?.find((field) => field.name === "Publisher")?.value).toBe("Northeast Wire");
    expect(exported().sources).toHaveLength(before);

    const confirm = confirmButton(preview);
    expect((await press(confirm, member())).data?.content).toContain("Only moderators");
    expect(exported().sources).toHaveLength(before);

    const added = await confirmSource(confirm, ctx);
    expect(added.content).toMatch(/^Registered source `[a-z0-9-]+`: Heilongjiang's trade with Russia climbs 18% in first 10 months \(with its text/);
    const source = exported().sources.find((candidate) => candidate.title === WIRE_TITLE);
    expect(source).toMatchObject({ url: `${siteUrl}/wire`, publisher: "Northeast Wire" });
    expect(source?.text).toMatch(/^HARBIN, Nov\. 20 .*Heilongjiang Academy of Social Sciences\.$/s);
    expect(source?.text).not.toContain("Comment Template");

    const again = await press(confirm, ctx);
    expect(again.data?.content).toMatch(/^That preview has expired .* or the source was already added/);
    expect(exported().sources).toHaveLength(before + 1);
  });

  it("refuses a PDF, a redirect to a private address and a page that is not there, in one private line, storing nothing", async () => {
    const before = exported();
    expectOneLineRefusal(await deferred(sourcesAdd([str("url", `${siteUrl}/report.pdf`)], moderator())), "That link is a PDF: copy its text into a .txt file and upload that instead.");
    expectOneLineRefusal(
      await deferred(sourcesAdd([str("url", `${siteUrl}/to-private`)], moderator())),
      "That link is at 192.168.0.10, a private or local address: only public web pages are fetched.",
    );
    expectOneLineRefusal(await deferred(sourcesAdd([str("url", `${siteUrl}/gone`)], moderator())), "That link answered HTTP 404: check it opens in a browser.");
    expect(exported()).toEqual(before);
  });

  it("acknowledges Add source before the store's work, so a long article cannot miss Discord's 3 s deadline", async () => {
    const ctx = moderator();
    const preview = await deferred(sourcesAdd([str("url", `${siteUrl}/wire`), str("title", "Acknowledged first")], ctx));
    const before = exported().sources.length;
    const payload = component(confirmButton(preview), { componentType: ComponentType.Button }, ctx);
    // The acknowledgement's answer is held: the bot waits for it before anything else, so the store is untouched.
    const release = fake.hold("POST", `/interactions/${payload.id}/${payload.token}/callback`);
    try {
      expect((await fake.interact(payload)).type).toBe(6);
      expect(exported().sources).toHaveLength(before);
    } finally {
      release();
    }
    const edit = await fake.waitForRequest((request) => request.method === "PATCH" && request.path.split("/").includes(payload.token));
    expect((edit.body as MessageEdit).content).toMatch(/^Registered source `[a-z0-9-]+`: Acknowledged first/);
    expect(exported().sources).toHaveLength(before + 1);
  });

  it("changes nothing when cancelled", async () => {
    const before = exported();
    const preview = await deferred(sourcesAdd([str("url", `${siteUrl}/wire`)], moderator()));
    const cancelled = await press(buttonIds(preview).find((id) => id.startsWith("admin:source-cancel:"))!, moderator());
    expect(cancelled.data?.content).toBe("Cancelled: no source was added.");
    expect(exported()).toEqual(before);
  });
});

describe("/trade-admin sources add with a .txt file", () => {
  const article = "Dalian port handles more Russian cargo\nDALIAN, Nov. 3 (Xinhua) -- Dalian port handled 2.1 million tonnes of Russian cargo in October, up 14 percent, the port authority said.";

  it("takes its first line as the title and previews it", async () => {
    const ctx = moderator();
    const preview = await deferred(sourcesAdd([], ctx, { name: "dalian.txt", content: article }));
    expect(preview.embeds![0]!.title).toBe("Dalian port handles more Russian cargo");
    expect(preview.embeds![0]!.fields?.find((field) => field.name === "From")?.value).toBe("the uploaded file");
    const added = await confirmSource(confirmButton(preview), ctx);
    expect(added.content).toMatch(/^Registered source `[a-z0-9-]+`: Dalian port handles more Russian cargo/);
    expect(exported().sources.find((source) => source.title === "Dalian port handles more Russian cargo")?.text).toBe(article);
  });

  it("refuses invalid UTF-8 naming the byte, HTML, and a file that is not .txt, storing nothing", async () => {
    const before = exported();
    const latin1 = Buffer.from("Le port de Dalian a trait\xe9 2,1 millions de tonnes.", "latin1");
    expectOneLineRefusal(
      await deferred(sourcesAdd([], moderator(), { name: "dalian-fr.txt", content: latin1 })),
      "dalian-fr.txt is not valid UTF-8: byte 25 (0xe9) is not; save it as UTF-8 and try again.",
    );
    expectOneLineRefusal(await deferred(sourcesAdd([], moderator(), { name: "page.txt", content: WIRE_PAGE })), /^page\.txt is HTML, not article text/);
    const notText: InteractionCallback = await fake.interact(sourcesAdd([], moderator(), { name: "report.pdf", content: "%PDF-1.7" }));
    expect(notText.data?.flags).toBe(EPHEMERAL);
    expect(notText.data?.content).toBe("report.pdf is not a .txt file: save the article's text as plain text (UTF-8) and upload that.");
    expect(exported()).toEqual(before);
  });

  it("says in one private line when the attachment cannot be downloaded, storing nothing", async () => {
    const before = exported();
    const payload = sourcesAdd([], moderator(), { name: "gone.txt", content: "Trade rose." });
    const attachment = Object.values(payload.data.resolved?.attachments ?? {})[0]!;
    fake.overrideRest("GET", new URL(attachment.url).pathname.replace(/^\/api\/v10/, ""), () => ({ status: 404, body: { message: "Not Found", code: 0 } }));
    expectOneLineRefusal(await deferred(payload), "I could not download gone.txt from Discord (HTTP 404): upload it again.");
    expect(exported()).toEqual(before);
  });
});

describe("/trade-admin review", () => {
  const REPORT = [
    "Heilongjiang trade report",
    "HARBIN, Nov. 20 (Xinhua) -- Trade between Heilongjiang province and Russia rose 18.2 percent to 177.85 billion yuan in the first 10 months of 2023, according to Harbin Customs.",
    "",
    "Exports from Heilongjiang to Russia reached 39.46 billion yuan, up 61.9 percent, the customs office said.",
    "",
    "Container trains between Harbin and Russia made 480 trips in the period, according to China Railway Harbin Group.",
    "",
    "The Heihe bridge handled 1.12 million tonnes of cargo between January and October, the provincial commerce department reported.",
  ].join("\n");
  let sourceId: string;

  const review = (ctx: InteractionContext, source?: string) =>
    fake.interact(chatInput("trade-admin", [{ name: "review", type: 1, options: source ? [str("source", source)] : [] }], ctx));
  const footer = (reply: InteractionCallback) => reply.data?.embeds?.[0]?.footer?.text ?? "";
  const proposalId = (reply: InteractionCallback) => Number(/^Proposal (\d+) /.exec(footer(reply))?.[1]);
  const remaining = (reply: InteractionCallback) => Number(/ · (\d+) left to review/.exec(footer(reply))?.[1]);
  const reviewButton = (reply: InteractionCallback, action: string) => `admin:review:${action}:${proposalId(reply)}:source`;
  /** A form submitted from the review message, so the bot can replace that message. */
  const fromMessage = (customId: string, fields: Record<string, string>, ctx: InteractionContext) => ({
    ...modalSubmit(customId, fields, ctx),
    message: messagePayload({ flags: EPHEMERAL }),
  });
  const formInputs = (form: InteractionCallback) =>
    Object.fromEntries(
      (form.data?.components ?? []).flatMap((top) => {
        const input = ("component" in top ? top.component : undefined) as { custom_id?: string; value?: string } | undefined;
        return input?.custom_id ? [[input.custom_id, input.value ?? ""]] : [];
      }),
    ) as Record<string, string>;
  /** The first proposal left in the source, and its Edit form's inputs as the bot filled them in. */
  const openEdit = async (ctx: InteractionContext) => {
    const current = await review(ctx, sourceId);
    const editForm = await press(reviewButton(current, "edit"), ctx);
    expect(editForm.type).toBe(9);
    return { current, inputs: formInputs(editForm) };
  };
  const ask = async (question: string) => {
    const payload = chatInput("trade", [{ name: "ask", type: 1, options: [str("question", question)] }], { userId: snowflake() });
    const reply = await fake.interact(payload);
    return /^`(.+)`$/.exec(reply.data?.embeds?.[0]?.fields?.find((field) => field.name === "Fact")?.value ?? "")?.[1];
  };

  beforeAll(async () => {
    const ctx = moderator();
    const preview = await deferred(sourcesAdd([], ctx, { name: "heilongjiang.txt", content: REPORT }));
    const added = await confirmSource(confirmButton(preview), ctx);
    expect(added.content).toMatch(/\. \d+ facts proposed from it: review them with `\/trade-admin review source:[a-z0-9-]+`\.$/);
    sourceId = /`\/trade-admin review source:([a-z0-9-]+)`/.exec(added.content ?? "")![1]!;
  });

  it("shows one pending proposal privately: statement, quote in context, attribution, figures, topic, how many remain, four buttons", async () => {
    const reply = await review(moderator(), sourceId);
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = reply.data!.embeds![0]!;
    expect(embed.description).toMatch(/\*\*.+\*\*/);
    expect(embed.fields?.map((field) => field.name)).toEqual(["Attribution", "Figures", "Topic", "Period", "Source"]);
    expect(footer(reply)).toMatch(new RegExp(`^Proposal \\d+ · [1-9]\\d* left to review in ${sourceId}$`));
    expect(buttonIds(reply.data as MessageEdit).map((id) => id.split(":")[2])).toEqual(["accept", "edit", "reject", "next"]);
  });

  it("accepts a proposal as a fact that answers at once; a second moderator on the same proposal is told who decided it and gets the next", async () => {
    const first = await review(moderator(), sourceId);
    const statement = first.data!.embeds![0]!.title!;
    const left = remaining(first);
    const accepter = moderator();
    expect((await press(reviewButton(first, "accept"), member())).data?.content).toContain("Only moderators");

    const accepted = await press(reviewButton(first, "accept"), accepter);
    expect(accepted.type).toBe(7);
    const factId = /^Accepted proposal \d+: `([a-z0-9-]+)` answers questions from now on\.$/.exec(accepted.data?.content ?? "")?.[1];
    expect(factId).toBeDefined();
    expect(await ask(statement)).toBe(factId);
    const history = runCli("facts", ["history", factId!], undefined, { DATABASE_PATH });
    expect(history.stdout).toContain(`created from proposal ${proposalId(first)} of source ${sourceId}`);
    if (left > 1) expect(remaining(accepted)).toBe(left - 1);

    const late = await press(reviewButton(first, "accept"), moderator());
    expect(late.type).toBe(7);
    expect(late.data?.content).toMatch(new RegExp(`^Proposal ${proposalId(first)} was already accepted by user-\\d{4} \\(${accepter.userId}\\) at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\.`));
    expect(exported().facts.filter((fact) => fact.statement === statement)).toHaveLength(1);
  });

  it("skips with Next, rejects with a reason, and accepts an edited proposal with the edits", async () => {
    const ctx = moderator();
    const first = await review(ctx, sourceId);
    const next = await press(reviewButton(first, "next"), ctx);
    expect(proposalId(next)).not.toBe(proposalId(first));
    expect(remaining(next)).toBe(remaining(first));

    const rejectForm = await press(reviewButton(next, "reject"), ctx);
    expect(rejectForm.type).toBe(9);
    const rejected = await fake.interact(fromMessage(`admin:review-reject:${proposalId(next)}:source`, { reason: "a duplicate of the headline" }, ctx));
    expect(rejected.type).toBe(7);
    expect(rejected.data?.content).toBe(`Rejected proposal ${proposalId(next)} (a duplicate of the headline).`);
    const proposals = JSON.parse(runCli("facts", ["proposals", sourceId, "--json", "--all"], undefined, { DATABASE_PATH }).stdout) as { proposals: { id: number; status: string }[] };
    expect(proposals.proposals.find((proposal) => proposal.id === proposalId(next))?.status).toBe("rejected");

    const { current, inputs } = await openEdit(ctx);
    expect(inputs.statement).toBe(current.data!.embeds![0]!.title);
    const quote = inputs.quote!.split(" ").slice(0, 10).join(" ");
    expect(REPORT).toContain(quote);
    const edited = {
      ...inputs,
      statement: `${quote}, in a moderator's wording.`,
      quote,
      source: `${sourceId}\nthe provincial customs, as the moderator credits it`,
      terms: "keywords: moderator-keyword, heilongjiang\naliases: HLJ",
    };
    const saved = await fake.interact(fromMessage(`admin:review-edit:${proposalId(current)}:source`, edited, ctx));
    expect(saved.type).toBe(7);
    const factId = new RegExp(`^Accepted proposal ${proposalId(current)} with your edits: \`([a-z0-9-]+)\``).exec(saved.data?.content ?? "")?.[1];
    expect(exported().facts.find((fact) => fact.id === factId)).toMatchObject({
      statement: edited.statement,
      quote,
      sourceId,
      attribution: "the provincial customs, as the moderator credits it",
      keywords: ["moderator-keyword", "heilongjiang"],
      aliases: ["HLJ"],
    });
  });

  it("hands an edit back with Reopen my draft when it fails its checks or names another source, deciding nothing", async () => {
    const ctx = moderator();
    const { current, inputs } = await openEdit(ctx);
    const id = proposalId(current);
    const statusOf = () =>
      (JSON.parse(runCli("facts", ["proposals", sourceId, "--json", "--all"], undefined, { DATABASE_PATH }).stdout) as { proposals: { id: number; status: string }[] }).proposals.find(
        (proposal) => proposal.id === id,
      )?.status;
    const otherSource = exported().sources.find((source) => source.id !== sourceId)!.id;
    for (const [values, reason] of [
      [{ ...inputs, statement: "" }, /\*\*Statement \(one sentence that answers\)\*\* — statement: /],
      [{ ...inputs, source: `${otherSource}\nthe customs office` }, new RegExp(`sourceId: a proposal's fact quotes its own source, ${sourceId}`)],
    ] as const) {
      const handedBack = await fake.interact(fromMessage(`admin:review-edit:${id}:source`, values, ctx));
      expect(handedBack.type).toBe(4);
      expect(handedBack.data?.flags).toBe(EPHEMERAL);
      expect(handedBack.data?.content).toMatch(/^\*\*Not saved: fix these and submit again\.\*\*\n/);
      expect(handedBack.data?.content).toMatch(reason);
      const reopen = buttonIds(handedBack.data as MessageEdit);
      expect(reopen).toEqual([expect.stringMatching(/^admin:draft:/)]);
      const reopened = await press(reopen[0]!, ctx);
      expect(reopened.type).toBe(9);
      expect(reopened.data?.custom_id).toBe(`admin:review-edit:${id}:source`);
      expect(formInputs(reopened)).toEqual(values);
      expect(statusOf()).toBe("pending");
    }
  });

  it("offers the sources with proposals to review as the source option is typed, to moderators only", async () => {
    const typed = (ctx: InteractionContext) =>
      fake.interact(autocomplete("trade-admin", [{ name: "review", type: 1, options: [{ name: "source", type: 3, value: "trade report", focused: true }] }], ctx));
    const choices = (await typed(moderator())).data?.choices ?? [];
    expect(choices).toEqual([{ name: expect.stringMatching(new RegExp(`^${sourceId} — \\d+ to review — Heilongjiang trade report$`)) as unknown, value: sourceId }]);
    expect((await typed(member())).data?.choices).toEqual([]);
  });

  it("says when nothing is left to review, and refuses an unknown source", async () => {
    const none = await review(moderator(), "no-such-source");
    expect(none.data?.content).toBe("There is no source `no-such-source`.");
    const seed = await review(moderator(), exported().sources[0]!.id);
    expect(seed.data?.content).toMatch(/^Nothing left to review in `[a-z0-9-]+`: every proposal is decided or covered by a fact\.$/);
  });

  it("moves on without a second fact when another source's twin of the proposal was accepted meanwhile", async () => {
    const ctx = moderator();
    const addTwin = async (name: string) => {
      const added = await confirmSource(confirmButton(await deferred(sourcesAdd([], ctx, { name, content: REPORT }))), ctx);
      return /`\/trade-admin review source:([a-z0-9-]+)`/.exec(added.content ?? "")![1]!;
    };
    const here = await review(ctx, await addTwin("twin-one.txt"));
    const there = await review(ctx, await addTwin("twin-two.txt"));
    const statement = here.data!.embeds![0]!.title!;
    expect(there.data!.embeds![0]!.title).toBe(statement);

    const accepted = await press(reviewButton(here, "accept"), ctx);
    const factId = /`([a-z0-9-]+)`/.exec(accepted.data?.content ?? "")![1]!;
    const twin = await press(`admin:review:accept:${proposalId(there)}:source`, ctx);
    expect(twin.type).toBe(7);
    expect(twin.data?.content).toBe(`Proposal ${proposalId(there)} was not accepted: fact \`${factId}\` already states it.`);
    expect(exported().facts.filter((fact) => fact.statement === statement)).toHaveLength(1);
  });
});
