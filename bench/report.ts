import type { BaselineMeasurement } from "./measure-baseline.js";
import type { BotMeasurement } from "./measure-bot.js";
import type { EngineMeasurement } from "./measure-engine.js";

/** Formats benchmark runs as a table with the performance targets, or as one JSON object. */

export interface BenchRun {
  /** Where the facts came from: "facts.json" or "generated". */
  label: string;
  facts: number;
  engine: EngineMeasurement;
  baseline: BaselineMeasurement;
  /** Baseline p50 / engine p50; null when the engine p50 was too small to measure. */
  speedup: number | null;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

export function toJson(runs: readonly BenchRun[], bot?: BotMeasurement): string {
  return JSON.stringify({
    ...(bot ? { bot: { asks: bot.asks, p50Ms: round(bot.p50Ms), p99Ms: round(bot.p99Ms), readyRssMB: round(bot.readyRssMB), rssMB: round(bot.rssMB) } } : {}),
    runs: runs.map(({ facts, engine, baseline, speedup }) => ({
      facts,
      engine: {
        p50Ms: round(engine.p50Ms),
        p99Ms: round(engine.p99Ms),
        buildMs: round(engine.buildMs),
        updateMs: round(engine.updateMs),
        heapMB: round(engine.heapMB),
      },
      baseline: { p50Ms: round(baseline.p50Ms), p99Ms: round(baseline.p99Ms), timed: baseline.timed },
      speedup: speedup === null ? null : round(speedup),
    })),
  });
}

const ms = (value: number): string => (value < 10 ? value.toFixed(3) : value.toFixed(1));
const times = (speedup: number | null): string => (speedup === null ? "n/a" : `${speedup.toFixed(speedup < 10 ? 1 : 0)}x`);

export function toTable(runs: readonly BenchRun[]): string {
  const header = [
    "base", "facts", "engine p50 ms", "engine p99 ms", "build ms", "update ms", "heap MB",
    "fuse p50 ms", "fuse p99 ms", "fuse n", "speedup",
  ];
  const rows = runs.map(({ label, facts, engine, baseline, speedup }) => [
    label, facts.toLocaleString("en-US"), ms(engine.p50Ms), ms(engine.p99Ms), ms(engine.buildMs),
    ms(engine.updateMs), engine.heapMB.toFixed(1), ms(baseline.p50Ms), ms(baseline.p99Ms),
    String(baseline.timed), times(speedup),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  const note = "speedup = fuse p50 / engine p50; fuse = Fuse.js with default options over statement and quote";
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line), "", note].join("\n");
}

function check(
  name: string,
  value: number | null | undefined,
  isMet: (value: number) => boolean,
  show: (value: number) => string,
): string {
  if (value === null || value === undefined) return `${name}: not measured`;
  return `${name}: ${isMet(value) ? "met" : "missed"} (${show(value)})`;
}

/** One line marking each target met or missed, judged on the generated 10k and 100k runs. */
export function toTargets(runs: readonly BenchRun[]): string {
  const generated = (facts: number): BenchRun | undefined =>
    runs.find((run) => run.label === "generated" && run.facts === facts);
  const [at10k, at100k] = [generated(10_000), generated(100_000)];
  const inMs = (value: number): string => `${ms(value)} ms`;
  return "Targets: " + [
    check("10k p99 <= 5 ms", at10k?.engine.p99Ms, (value) => value <= 5, inMs),
    check("10k speedup >= 100x", at10k?.speedup, (value) => value >= 100, times),
    check("100k p99 <= 50 ms", at100k?.engine.p99Ms, (value) => value <= 50, inMs),
    check("10k update <= 50 ms", at10k?.engine.updateMs, (value) => value <= 50, inMs),
  ].join(" | ");
}

/** The bot's interaction-to-reply latency and memory, with its targets. */
export function botReport(bot: BotMeasurement): string {
  return [
    `bot (compiled, fake Discord on loopback): ${bot.asks} asks, interaction-to-reply p50 ${ms(bot.p50Ms)} ms, p99 ${ms(bot.p99Ms)} ms; resident memory ${bot.readyRssMB.toFixed(1)} MB once ready, ${bot.rssMB.toFixed(1)} MB after them`,
    "Targets: " + [
      check("bot p99 <= 50 ms", bot.p99Ms, (value) => value <= 50, (value) => `${ms(value)} ms`),
      check("bot RSS <= 150 MB", bot.rssMB, (value) => value <= 150, (value) => `${value.toFixed(1)} MB`),
    ].join(" | "),
  ].join("\n");
}
