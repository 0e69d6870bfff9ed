import { PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { checkModerator } from "../../src/discord/moderation-access.js";

const policy = { adminGuildIds: ["100000000000000001"], modRoleIds: ["200000000000000001"] };
const member = { guildId: "100000000000000001", permissions: PermissionFlagsBits.SendMessages, roleIds: [] };

describe("checkModerator", () => {
  it("allows Manage Server in an admin guild", () => {
    expect(checkModerator({ ...member, permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages }, policy)).toEqual({ allowed: true });
  });

  it("allows an Administrator, whose computed permissions include Manage Server", () => {
    expect(checkModerator({ ...member, permissions: PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild }, policy)).toEqual({ allowed: true });
  });

  it("allows a moderator role in an admin guild", () => {
    expect(checkModerator({ ...member, roleIds: ["300", "200000000000000001"] }, policy)).toEqual({ allowed: true });
  });

  it.each([
    ["another guild, even with Manage Server", { ...member, guildId: "999999999999999999", permissions: PermissionFlagsBits.ManageGuild }],
    ["a DM", { guildId: null, permissions: null, roleIds: [] }],
    ["no permission", member],
    ["the wrong role", { ...member, roleIds: ["200000000000000002"] }],
    ["strong permissions that are not Manage Server", { ...member, permissions: PermissionFlagsBits.ManageMessages | PermissionFlagsBits.KickMembers }],
  ])("refuses %s", (_name, who) => {
    expect(checkModerator(who, policy).allowed).toBe(false);
  });

  it("says why it refuses, for the reply to word in the member's language: not the admin server, or not a moderator there", () => {
    expect(checkModerator({ guildId: "999999999999999999", permissions: PermissionFlagsBits.ManageGuild, roleIds: [] }, policy)).toEqual({ allowed: false, reason: "not-admin-server" });
    expect(checkModerator(member, policy)).toEqual({ allowed: false, reason: "not-moderator" });
  });
});
