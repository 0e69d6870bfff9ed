import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BaseEnvSchema, parseEnv } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";

describe("parseEnv", () => {
  it("fills defaults", () => {
    expect(parseEnv(BaseEnvSchema, {})).toEqual({ ok: true, value: { LOG_LEVEL: "info" } });
  });

  it("treats a blank value as unset", () => {
    expect(parseEnv(BaseEnvSchema, { LOG_LEVEL: "  " })).toEqual({ ok: true, value: { LOG_LEVEL: "info" } });
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
