import { err, ok, type Result } from "../result.js";

/**
 * The bytes of a file a moderator uploaded, from Discord's CDN, within `timeoutMs` (body included). A failed
 * download is one sentence naming the file, never an exception.
 */
export async function downloadAttachment(url: string, name: string, timeoutMs: number): Promise<Result<Uint8Array, string>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      return err(`I could not download ${name} from Discord (HTTP ${response.status}): upload it again.`);
    }
    return ok(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    if ((error as Error).name === "TimeoutError") return err(`${name} took longer than ${timeoutMs / 1000} s to download from Discord: upload it again.`);
    const cause = (error as Error & { cause?: NodeJS.ErrnoException }).cause;
    return err(`I could not download ${name} from Discord (${cause?.code ?? (error as Error).message}): upload it again.`);
  }
}
