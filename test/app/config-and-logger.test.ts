import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BaseEnvSchema, BotEnvSchema, parseEnv } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";

describe("parseEnv", () => {
  it("fills defaults", () => {
    expect(parseEnv(BaseEnvSchema, {})).toEqual({ ok: true, value: { LOG_LEVEL: "info", DATABASE_PATH: "./data/trade-facts.db" } });
  });

  it("treats a blank value as unset", () => {
    expect(parseEnv(BaseEnvSchema, { LOG_LEVEL: "  " })).toEqual({ ok: true, value: { LOG_LEVEL: "info", DATABASE_PATH: "./data/trade-facts.db" } });
  });

  it("names the variable and how to fix it, one line each", () => {
    const result = parseEnv(BaseEnvSchema, { LOG_LEVEL: "loud" });
    expect(result).toEqual({ ok: false, error: ["LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (set it in .env; see .env.example)"] });
  });
});

describe("createLogger", () => {
  it("never writes a token, wherever it sits in the logged object", () => {
    let written = "";
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { written += chunk.toString(); done(); } });
    const log = createLogger({ level: "info", destination: sink });
    const secret = "MTIzNDU2Nzg5.secret.token";
    log.info({ token: secret }, "top level");
    log.info({ config: { DISCORD_TOKEN: secret, discordToken: secret } }, "config");
    log.info({ interaction: { token: secret, user: { token: secret } } }, "nested");
    log.info({ request: { headers: { authorization: `Bot ${secret}` } } }, "headers");
    expect(written.split("\n").filter(Boolean)).toHaveLength(4);
    expect(written).not.toContain(secret);
    expect(written).toContain("[redacted]");
  });
});

describe("BotEnvSchema", () => {
  const valid = { DISCORD_TOKEN: "token.value", DISCORD_CLIENT_ID: "123456789012345678" };

  it("accepts the two required variables and fills the rest", () => {
    const result = parseEnv(BotEnvSchema, valid);
    expect(result).toMatchObject({ ok: true, value: { ASK_COOLDOWN_USES: 3, ASK_COOLDOWN_SECONDS: 10, LOGIN_TIMEOUT_SECONDS: 30 } });
  });

  it("names each missing or malformed variable", () => {
    const result = parseEnv(BotEnvSchema, { DISCORD_CLIENT_ID: "12", DISCORD_API_URL: "not a url", ASK_COOLDOWN_SECONDS: "-1", DEV_GUILD_ID: "abc" });
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.error;
    expect(lines.map((line) => line.split(" ")[0]).sort()).toEqual(["ASK_COOLDOWN_SECONDS", "DEV_GUILD_ID", "DISCORD_API_URL", "DISCORD_CLIENT_ID", "DISCORD_TOKEN"]);
    expect(lines).toContain("DISCORD_TOKEN is not set (set it in .env; see .env.example)");
  });

  it("reads the Q&A settings, with defaults, and names a bad one", () => {
    expect(parseEnv(BotEnvSchema, { ...valid, QA_CHANNEL_IDS: "223456789012345678, 323456789012345678" })).toMatchObject({
      ok: true,
      value: { QA_CHANNEL_IDS: ["223456789012345678", "323456789012345678"], QA_MIN_CONFIDENCE: 0.8, QA_CHANNEL_COOLDOWN_SECONDS: 60, QA_SOLVED_TAG: "Solved" },
    });
    const result = parseEnv(BotEnvSchema, { ...valid, QA_MIN_CONFIDENCE: "1.5", QA_CHANNEL_IDS: "general", QA_SOLVED_TAG: "x".repeat(21) });
    expect(result.ok ? [] : result.error.map((line) => line.split(" ")[0]).sort()).toEqual(["QA_CHANNEL_IDS", "QA_MIN_CONFIDENCE", "QA_SOLVED_TAG"]);
  });
});

describe("HTTP_PORT and HTTP_HOST", () => {
  const valid = { DISCORD_TOKEN: "token.value", DISCORD_CLIENT_ID: "123456789012345678" };

  it("are off by default, bind to loopback, and take 0 for any free port", () => {
    const defaults = parseEnv(BotEnvSchema, valid);
    expect(defaults).toMatchObject({ ok: true, value: { HTTP_HOST: "127.0.0.1" } });
    expect(defaults.ok && defaults.value.HTTP_PORT).toBeUndefined();
    expect(parseEnv(BotEnvSchema, { ...valid, HTTP_PORT: "0", HTTP_HOST: "0.0.0.0" })).toMatchObject({ ok: true, value: { HTTP_PORT: 0, HTTP_HOST: "0.0.0.0" } });
  });

  it("names a port that is not one, in one line", () => {
    for (const port of ["http", "-1", "65536", "80.5"]) {
      expect(parseEnv(BotEnvSchema, { ...valid, HTTP_PORT: port })).toEqual({
        ok: false,
        error: ["HTTP_PORT must be a port number from 0 to 65535 (0: any free port) (set it in .env; see .env.example)"],
      });
    }
    expect(parseEnv(BotEnvSchema, { ...valid, HTTP_HOST: "local host" })).toEqual({
      ok: false,
      error: ["HTTP_HOST must be an address or host name, with no spaces (set it in .env; see .env.example)"],
    });
  });
});

describe("scrubbing secrets from log lines", () => {
  it("hides the token and interaction tokens inside messages and error URLs", () => {
    let written = "";
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { written += chunk.toString(); done(); } });
    const token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secretsecretsecret";
    const log = createLogger({ level: "info", destination: sink, secrets: [token] });
    const error = Object.assign(new Error(`request failed for ${token}`), { url: "https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb246MTIzNDU2Nzg5/callback" });
    log.error({ err: error }, `login with ${token} failed`);
    expect(written).not.toContain(token);
    expect(written).not.toContain("aW50ZXJhY3Rpb246MTIzNDU2Nzg5");
    expect(written).toContain("/interactions/123/[redacted]/callback");
  });
});

describe("SHARD_COUNT", () => {
  const valid = { DISCORD_TOKEN: "token.value", DISCORD_CLIENT_ID: "123456789012345678" };

  it("is 1 by default (one process), and takes auto or a number", () => {
    expect(parseEnv(BotEnvSchema, valid)).toMatchObject({ ok: true, value: { SHARD_COUNT: 1 } });
    expect(parseEnv(BotEnvSchema, { ...valid, SHARD_COUNT: "auto" })).toMatchObject({ ok: true, value: { SHARD_COUNT: "auto" } });
    expect(parseEnv(BotEnvSchema, { ...valid, SHARD_COUNT: "4" })).toMatchObject({ ok: true, value: { SHARD_COUNT: 4 } });
  });

  it("names anything else in one line", () => {
    for (const count of ["0", "two", "1.5", "-2", "Auto "]) {
      expect(parseEnv(BotEnvSchema, { ...valid, SHARD_COUNT: count })).toEqual({
        ok: false,
        error: ["SHARD_COUNT must be auto or a whole number greater than 0 (set it in .env; see .env.example)"],
      });
    }
  });
});
