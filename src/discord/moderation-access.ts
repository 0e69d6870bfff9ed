import { PermissionFlagsBits, type Interaction } from "discord.js";

export interface Moderator {
  guildId: string | null;
  /** The member's permissions in that guild (Discord's bitfield), null outside a guild. */
  permissions: bigint | null;
  roleIds: readonly string[];
}

export interface ModerationPolicy {
  adminGuildIds: readonly string[];
  modRoleIds: readonly string[];
}

/** Why someone may not moderate: not in an admin server, or without Manage Server or a moderator role. */
export type AccessRefusal = "not-admin-server" | "not-moderator";

export type AccessVerdict = { allowed: true } | { allowed: false; reason: AccessRefusal };

/**
 * Who may change the fact base: a member of an admin guild with Manage Server or a moderator role.
 * Checked in code on every interaction, since server admins can override a command's default permissions.
 */
export function checkModerator(member: Moderator, policy: ModerationPolicy): AccessVerdict {
  if (!member.guildId || !policy.adminGuildIds.includes(member.guildId)) {
    return { allowed: false, reason: "not-admin-server" };
  }
  const managesServer = member.permissions !== null && (member.permissions & PermissionFlagsBits.ManageGuild) === PermissionFlagsBits.ManageGuild;
  if (managesServer || member.roleIds.some((role) => policy.modRoleIds.includes(role))) return { allowed: true };
  return { allowed: false, reason: "not-moderator" };
}

/** The role ids of the member behind an interaction (a cached member or the raw API one); none outside a guild. */
export function memberRoleIds(member: Interaction["member"]): readonly string[] {
  if (!member) return [];
  return Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
}
