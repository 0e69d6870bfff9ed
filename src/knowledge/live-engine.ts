import { err, ok, type Result } from "../result.js";
import { buildEngine, type Engine } from "./engine.js";
import type { Fact, FactBase } from "./schema.js";
import { validateFactBase, type Problem } from "./validate.js";

/**
 * The engine currently serving answers. A change is built aside and swapped in only once it is
 * complete; a change that fails to build leaves the old engine serving.
 */
export class LiveEngine {
  #current: Engine;

  constructor(base: FactBase) {
    this.#current = buildEngine(base);
  }

  get current(): Engine {
    return this.#current;
  }

  /** Swaps in an engine over a whole new base. */
  replace(data: unknown): Result<Engine, Problem[]> {
    const { base, problems } = validateFactBase(data);
    if (!base) return err(problems);
    return this.#swap(() => buildEngine(base));
  }

  /** Swaps in an engine with these facts added, replaced or retired. */
  update(changed: readonly Fact[]): Result<Engine, Problem[]> {
    const { problems } = validateFactBase({ sources: this.#current.base.sources, facts: changed });
    if (problems.length > 0) return err(problems);
    return this.#swap(() => this.#current.withFacts(changed));
  }

  #swap(build: () => Engine): Result<Engine, Problem[]> {
    try {
      this.#current = build();
      return ok(this.#current);
    } catch (error) {
      return err([{ subject: "engine", field: "(index)", reason: `build failed: ${(error as Error).message}` }]);
    }
  }
}
