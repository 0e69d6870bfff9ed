import { err, ok, type Result } from "../result.js";
import { buildEngine, type Engine } from "./engine.js";
import type { Fact, FactBase } from "./schema.js";
import { validateFactBase, type Problem } from "./validate.js";

/**
 * The engine currently serving answers. A change is validated and built aside, and swapped in only once
 * it is complete; a change that fails either way leaves the old engine serving.
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
    return this.#swap(() => {
      const { base, problems } = validateFactBase(data);
      return base ? ok(buildEngine(base)) : err(problems);
    });
  }

  /** Swaps in an engine with these facts added, replaced or retired. */
  update(changed: readonly Fact[]): Result<Engine, Problem[]> {
    return this.#swap(() => {
      const { problems } = validateFactBase({ sources: this.#current.base.sources, facts: changed });
      return problems.length > 0 ? err(problems) : ok(this.#current.withFacts(changed));
    });
  }

  #swap(build: () => Result<Engine, Problem[]>): Result<Engine, Problem[]> {
    let next: Result<Engine, Problem[]>;
    try {
      next = build();
    } catch (error) {
      return err([{ subject: "engine", field: "(index)", reason: `build failed: ${(error as Error).message}` }]);
    }
    if (next.ok) this.#current = next.value;
    return next;
  }
}
