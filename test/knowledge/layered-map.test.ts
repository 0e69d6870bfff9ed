import { describe, expect, it } from "vitest";
import { LayeredMap } from "../../src/knowledge/layered-map.js";

/** The same changes made to a copy and to a layer: each layer over the last, as an index changed again and again. */
function changedAlike(steps: number, seed: number): { copy: Map<string, number>; layered: ReadonlyMap<string, number> } {
  let random = seed;
  const next = (below: number) => (random = (random * 1_103_515_245 + 12_345) % 2_147_483_648) % below;
  let copy = new Map<string, number>(Array.from({ length: 30 }, (_, i) => [`k${i}`, i] as const));
  let layered: ReadonlyMap<string, number> = new Map(copy);
  for (let step = 0; step < steps; step++) {
    copy = new Map(copy);
    const layer = new LayeredMap(layered);
    for (let change = 0; change < 8; change++) {
      const key = `k${next(40)}`;
      if (next(3) === 0) expect(layer.delete(key)).toBe(copy.delete(key));
      else {
        copy.set(key, step * 100 + change);
        layer.set(key, step * 100 + change);
      }
    }
    layered = layer.settled();
  }
  return { copy, layered };
}

describe("LayeredMap", () => {
  it("reads, counts and iterates like a copy changed alike, in the same order", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { copy, layered } = changedAlike(3, seed);
      expect([...layered]).toEqual([...copy]);
      expect([...layered.keys()]).toEqual([...copy.keys()]);
      expect(layered.size).toBe(copy.size);
      for (let i = 0; i < 40; i++) {
        expect(layered.get(`k${i}`)).toBe(copy.get(`k${i}`));
        expect(layered.has(`k${i}`)).toBe(copy.has(`k${i}`));
      }
    }
  });

  it("puts a key deleted and set again last, as a Map does", () => {
    const layer = new LayeredMap(new Map([["a", 1], ["b", 2], ["c", 3]]));
    layer.delete("a");
    layer.set("a", 4);
    layer.set("b", 5);
    expect([...layer]).toEqual([["b", 5], ["c", 3], ["a", 4]]);
    expect(layer.size).toBe(3);
  });

  it("lists the keys it added, not those it changed or deleted and set again", () => {
    const layer = new LayeredMap(new Map([["a", 1], ["b", 2]]));
    layer.set("c", 3);
    layer.set("a", 4);
    layer.delete("b");
    layer.set("b", 5);
    layer.set("d", 6);
    expect(layer.addedKeys()).toEqual(["c", "d"]);
  });

  it("leaves the map below as it was", () => {
    const below = new Map([["a", 1]]);
    const layer = new LayeredMap(below);
    layer.set("a", 2);
    layer.set("b", 3);
    layer.delete("a");
    expect([...below]).toEqual([["a", 1]]);
  });

  it("folds a fifth layer and those below into one Map, and still reads like the copy", () => {
    expect(changedAlike(4, 7).layered).toBeInstanceOf(LayeredMap);
    expect(changedAlike(5, 7).layered).toBeInstanceOf(Map);
    expect(changedAlike(5, 7).layered).not.toBeInstanceOf(LayeredMap);
    const { copy, layered } = changedAlike(12, 7);
    expect([...layered]).toEqual([...copy]);
    expect(layered.size).toBe(copy.size);
  });
});
