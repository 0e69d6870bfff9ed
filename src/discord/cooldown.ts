export type CooldownVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface Cooldown {
  /** Counts one use by this user now, unless they already used up their allowance in the window. */
  take(userId: string, now?: number): CooldownVerdict;
}

const SWEEP_EVERY = 1_000;

/** At most `uses` uses per user in any `windowMs` window; a window of 0 turns the cooldown off. */
export function createCooldown({ uses, windowMs }: { uses: number; windowMs: number }): Cooldown {
  const recent = new Map<string, number[]>();
  let takes = 0;
  const sweep = (now: number) => {
    for (const [userId, times] of recent) if (times.every((time) => now - time >= windowMs)) recent.delete(userId);
  };
  return {
    take(userId, now = Date.now()) {
      if (windowMs <= 0) return { allowed: true };
      if (++takes % SWEEP_EVERY === 0) sweep(now);
      const times = (recent.get(userId) ?? []).filter((time) => now - time < windowMs);
      if (times.length >= uses) {
        recent.set(userId, times);
        return { allowed: false, retryAfterMs: times[0]! + windowMs - now };
      }
      times.push(now);
      recent.set(userId, times);
      return { allowed: true };
    },
  };
}
