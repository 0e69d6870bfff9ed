import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { freshTempDir, ROOT, runCli } from "../support/run-cli.js";

describe("npm run ask", () => {
  it("prints the statement, the quote, the attribution and the source", () => {
    const { status, stdout } = runCli("ask", ["How much did Liaoning export to Russia?"]);
    expect(status).toBe(0);
    expect(stdout).toContain("42.64 billion yuan");
    expect(stdout).toContain("“Liaoning’s exports to Russia increased by 82.3%");
    expect(stdout).toMatch(/— The article/);
    expect(stdout).toMatch(/Source: News article: .* \(2023, inferred\)/);
    expect(stdout).toContain("liaoning-exports-to-russia-value");
  });

  it("says honestly when it has no sourced answer, naming its topics and the closest facts", () => {
    const { status, stdout } = runCli("ask", ["What did Putin say about Heilongjiang?"]);
    expect(status).toBe(0);
    expect(stdout).toContain('No sourced answer to "What did Putin say about Heilongjiang?"');
    expect(stdout).toMatch(/It covers: .*Trade figures/);
    expect(stdout).toMatch(/Closest facts:\n {2}- xi-heilongjiang/);
  });

  it("prints one JSON object in the agreed shape with --json", () => {
    const { status, stdout } = runCli("ask", ["--json", "Which provinces are in northeast China?"]);
    expect(status).toBe(0);
    const answer = JSON.parse(stdout) as Record<string, unknown> & { results: Record<string, unknown>[] };
    expect(Object.keys(answer)).toEqual(["query", "answered", "confidence", "results", "why"]);
    expect(answer).toMatchObject({ query: "Which provinces are in northeast China?", answered: true, why: null });
    expect(Object.keys(answer.results[0]!)).toEqual(["id", "statement", "quote", "score", "source"]);
    expect(answer.results[0]).toMatchObject({ id: "northeast-china-provinces", source: { id: "china-russia-trade-northeast-2023" } });
  });

  it("says why it abstains, in the text and in the JSON", () => {
    expect(runCli("ask", ["How much did Jilin export to Russia?"]).stdout).toContain("The question asks about “export”; the closest fact does not state it.");
    const answer = JSON.parse(runCli("ask", ["--json", "Сколько Ляонин импортировал из России?"]).stdout) as { answered: boolean; why: string };
    expect(answer).toMatchObject({ answered: false, why: "No fact covers “import”." });
    expect(runCli("ask", ["что Путин сказал про Хэйлунцзян"]).stdout.split("\n")[1]).toBe("В ближайшем факте не упоминается «Путин».");
  });

  it("ends quietly with exit 0 when the reader closes the pipe early (ask --json - | head -1)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/ask.ts", "--json", "-"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: join(freshTempDir(), "trade-facts.db") },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on("error", () => undefined);
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.write("How much did Liaoning export to Russia?\n".repeat(20_000));
    child.stdin.end();
    const [code] = (await once(child, "exit")) as [number | null];
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it("prints nothing and exits 0 on empty stdin", () => {
    expect(runCli("ask", ["--json", "-"], "")).toMatchObject({ status: 0, stdout: "" });
  });

  it("answers one question a line from stdin, in order, one JSON line each", () => {
    const questions = ["shenyang capital", "", "good morning everyone", "🚂", "vladivostok port"];
    const { status, stdout } = runCli("ask", ["--json", "-"], `${questions.join("\n")}\n`);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { query: string; answered: boolean });
    expect(lines.map((line) => line.query)).toEqual(questions);
    expect(lines.map((line) => line.answered)).toEqual([true, false, false, false, true]);
  });

  it.each([
    ["empty", ""],
    ["control characters", "\u0007\u001b[2J"],
    ["10,000 characters", "a".repeat(10_000)],
  ])("gives an honest no-answer to %s input", (_name, question) => {
    const { status, stdout } = runCli("ask", [question]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^No (sourced answer|question asked)/);
    expect(stdout).not.toContain("\u001b");
  });

  it("answers in the question's language: the translated statement, the source's words verbatim and labelled", () => {
    const { status, stdout } = runCli("ask", ["辽宁对俄罗斯出口了多少？"]);
    expect(status).toBe(0);
    expect(stdout.split("\n")[0]).toBe("前九个月，辽宁对俄罗斯出口额达426.4亿元（58.3亿美元）。");
    expect(stdout).toContain("来源原文\n  “Liaoning’s exports to Russia increased by 82.3%");
    expect(stdout).toContain("事实 liaoning-exports-to-russia-value · 置信度");
    expect(stdout).toContain("\n  — 文章本身（未注明说话人）\n");
    expect(runCli("ask", ["Что сказал Путин про Хэйлунцзян?"]).stdout).toMatch(/^В базе фактов нет ответа с источником на «Что сказал Путин про Хэйлунцзян\?»\./);
  });

  it("answers in the language --lang names, whatever the question's", () => {
    const { stdout } = runCli("ask", ["--lang", "en", "Сколько Ляонин экспортировал в Россию?"]);
    expect(stdout.split("\n")[0]).toBe("Liaoning's exports to Russia reached 42.64 billion yuan ($5.83 billion) in the first nine months.");
    expect(runCli("ask", ["--lang", "ru", "How much did Liaoning export to Russia?"]).stdout).toContain("Факт liaoning-exports-to-russia-value · уверенность");
  });

  it.each([
    ["no question", []],
    ["an unknown option", ["--verbose", "hi"]],
    ["a language it does not speak", ["--lang", "fr", "hi"]],
  ])("rejects %s with one line and exit code 2", (_name, args) => {
    const { status, stdout, stderr } = runCli("ask", args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^ask: .*Usage: npm run ask/);
  });
});
