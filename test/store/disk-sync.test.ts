import { describe, expect, it } from "vitest";
import { openDatabase, writeWithoutDiskWait } from "../../src/knowledge/store/database.js";
import { tempDbPath } from "../support/temp-db.js";

const FULL = 2;
const NORMAL = 1;

describe("writes that do not wait for the disk (question counters)", () => {
  const open = () => {
    const db = openDatabase(tempDbPath());
    if (!db.ok) throw new Error(db.error);
    return db.value;
  };
  const syncLevel = (db: ReturnType<typeof open>) => db.pragma("synchronous", { simple: true });

  it("commit with normal sync, and every write after them is fully synced again", () => {
    const db = open();
    expect(syncLevel(db)).toBe(FULL);
    const during = writeWithoutDiskWait(db, () => {
      db.prepare("INSERT INTO meta (key, value) VALUES ('counter', '1')").run();
      return syncLevel(db);
    });
    expect(during).toBe(NORMAL);
    expect(syncLevel(db)).toBe(FULL);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'counter'").pluck().get()).toBe("1");
  });

  it("restore full sync and roll back when the write fails", () => {
    const db = open();
    expect(() =>
      writeWithoutDiskWait(db, () => {
        db.prepare("INSERT INTO meta (key, value) VALUES ('counter', '1')").run();
        throw new Error("disk full");
      }),
    ).toThrow("disk full");
    expect(syncLevel(db)).toBe(FULL);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'counter'").get()).toBeUndefined();
  });
});
