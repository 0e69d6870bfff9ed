import { randomBytes } from "node:crypto";

/**
 * Things kept briefly between two interactions (a draft handed back, an import awaiting its confirm button),
 * under a short random key that fits in a custom id. Entries expire, so nothing piles up.
 */
export class Pending<T> {
  readonly #entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  put(value: T): string {
    this.#sweep();
    const key = randomBytes(6).toString("base64url");
    this.#entries.set(key, { value, expires: this.now() + this.ttlMs });
    return key;
  }

  get(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.expires <= this.now()) return undefined;
    return entry.value;
  }

  take(key: string): T | undefined {
    const value = this.get(key);
    this.#entries.delete(key);
    return value;
  }

  #sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.#entries) if (entry.expires <= now) this.#entries.delete(key);
  }
}
