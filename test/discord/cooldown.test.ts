import { describe, expect, it } from "vitest";
import { createCooldown } from "../../src/discord/cooldown.js";

describe("createCooldown", () => {
  it("allows `uses` asks per window, then says how long to wait", () => {
    const cooldown = createCooldown({ uses: 2, windowMs: 10_000 });
    expect(cooldown.take("ann", 0)).toEqual({ allowed: true });
    expect(cooldown.take("ann", 1_000)).toEqual({ allowed: true });
    expect(cooldown.take("ann", 2_000)).toEqual({ allowed: false, retryAfterMs: 8_000 });
    expect(cooldown.take("ann", 10_000)).toEqual({ allowed: true });
  });

  it("counts each user apart", () => {
    const cooldown = createCooldown({ uses: 1, windowMs: 5_000 });
    expect(cooldown.take("ann", 0).allowed).toBe(true);
    expect(cooldown.take("bob", 0).allowed).toBe(true);
    expect(cooldown.take("ann", 1).allowed).toBe(false);
  });

  it("does not count refused asks against the user", () => {
    const cooldown = createCooldown({ uses: 1, windowMs: 5_000 });
    cooldown.take("ann", 0);
    for (let t = 1; t < 5_000; t += 1_000) expect(cooldown.take("ann", t).allowed).toBe(false);
    expect(cooldown.take("ann", 5_000).allowed).toBe(true);
  });

  it("is off with a window of 0", () => {
    const cooldown = createCooldown({ uses: 1, windowMs: 0 });
    for (let i = 0; i < 100; i++) expect(cooldown.take("ann", 0).allowed).toBe(true);
  });
});
