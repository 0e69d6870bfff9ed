import { buildEngine, type Engine } from "../../src/knowledge/engine.js";
import { readFactBaseFile, SEED_PATH } from "../../src/knowledge/fact-base-file.js";
import type { Fact, FactBase } from "../../src/knowledge/schema.js";

export function seedBase(): FactBase {
  const base = readFactBaseFile(SEED_PATH);
  if (!base.ok) throw new Error(`the shipped fact base is invalid: ${JSON.stringify(base.error)}`);
  return base.value;
}

export function seedEngine(): Engine {
  return buildEngine(seedBase());
}

export function seedFact(id: string): Fact {
  const fact = seedBase().facts.find((candidate) => candidate.id === id);
  if (!fact) throw new Error(`no seed fact ${id}`);
  return fact;
}
