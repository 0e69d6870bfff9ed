import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { decodeArticleBytes, MAX_ARTICLE_BYTES } from "../knowledge/source-text.js";
import type { FactStore } from "../knowledge/store/fact-store.js";
import type { ProposalError, StoredProposal } from "../knowledge/store/proposal-store.js";
import { problemsLine } from "../knowledge/validate.js";
import { truncate } from "../truncate.js";
import { exitWithError } from "./cli-io.js";

export interface SourceAddition {
  file: string;
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  date: string | null;
}

/** `sources add FILE`: the file read as strict UTF-8, the source and its proposals stored in one transaction. */
export function addSourceFromFile(store: FactStore, addition: SourceAddition, actor: string): string {
  const text = readSourceFile(addition.file);
  if (!text.ok) fail(store, `facts: ${addition.file}: ${text.error}; nothing was stored.`);
  const added = store.addSource({ title: addition.title, publisher: addition.publisher, url: addition.url, date: addition.date, dateNote: null, text: text.value }, actor, { id: addition.id });
  if (!added.ok) {
    const reasons = added.error.kind === "invalid" ? problemsLine(added.error.problems) : added.error.kind;
    fail(store, `facts: source ${addition.id} not added (${reasons}); nothing was stored.`);
  }
  const proposals = store.proposals.list(addition.id, { all: true });
  const covered = proposals.filter((proposal) => proposal.coveredBy !== null).length;
  return `added source ${addition.id} by ${actor}: ${proposals.length} proposals, ${proposals.length - covered} to review, ${covered} already covered by facts. Review them with: npm run facts -- proposals ${addition.id}`;
}

function readSourceFile(file: string): { ok: true; value: string } | { ok: false; error: string } {
  try {
    const { size } = statSync(file);
    if (size > MAX_ARTICLE_BYTES) return { ok: false, error: `${basename(file)} is ${Math.ceil(size / 1024)} KB; a source's text may be at most ${MAX_ARTICLE_BYTES / 1024} KB.` };
    return decodeArticleBytes(readFileSync(file), basename(file));
  } catch (error) {
    return { ok: false, error: (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message };
  }
}

/** The `--json` shape other tools read: `{"proposals":[{id, sourceId, status, statement, quote, attribution, topic, period, keywords, figures, coveredBy}]}`. */
export function proposalsJson(proposals: readonly StoredProposal[]): { proposals: object[] } {
  return {
    proposals: proposals.map(({ id, sourceId, status, statement, quote, attribution, topic, period, keywords, figures, coveredBy }) => ({
      id, sourceId, status, statement, quote, attribution, topic, period, keywords, figures, coveredBy,
    })),
  };
}

export function formatProposals(proposals: readonly StoredProposal[], all: boolean): string {
  const lines = proposals.flatMap((proposal) => {
    const state = proposal.coveredBy ? `${proposal.status}, covered by ${proposal.coveredBy}` : proposal.status;
    const figures = proposal.figures.map((figure) => figure.text).join(", ");
    return [
      `${proposal.id}  [${state}]  ${proposal.sourceId}  ${truncate(proposal.statement, 100)}`,
      `      “${truncate(proposal.quote, 140)}”${proposal.typos?.length ? ` (source typo? ${proposal.typos.join(", ")})` : ""}`,
      `      ${[proposal.attribution ? `said by ${proposal.attribution}` : "no one named", proposal.topic, proposal.period, figures].filter(Boolean).join(" · ")}`,
    ];
  });
  lines.push(`${proposals.length} proposal${proposals.length === 1 ? "" : "s"}${all ? "" : " to review (--all shows decided and covered ones too)"}.`);
  return lines.join("\n");
}

/** Accepts or rejects each proposal given; every one is tried, and the command fails if any was refused. */
export function decideProposals(store: FactStore, ids: readonly number[], decision: { accept: true } | { accept: false; reason: string | null }, actor: string): { lines: string[]; failed: boolean } {
  const lines: string[] = [];
  let failed = false;
  for (const id of ids) {
    if (decision.accept) {
      const accepted = store.proposals.accept(id, actor);
      if (accepted.ok) lines.push(`accepted proposal ${id}: fact ${accepted.value.fact.id}`);
      else {
        failed = true;
        lines.push(`proposal ${id} not accepted: ${describeRefusal(accepted.error)}`);
      }
    } else {
      const rejected = store.proposals.reject(id, actor, decision.reason);
      if (rejected.ok) lines.push(`rejected proposal ${id}`);
      else {
        failed = true;
        lines.push(`proposal ${id} not rejected: ${describeRefusal(rejected.error)}`);
      }
    }
  }
  return { lines, failed };
}

function describeRefusal(error: ProposalError): string {
  switch (error.kind) {
    case "no-proposal":
      return "there is no such proposal";
    case "already-decided":
      return `already ${error.proposal.status} by ${error.proposal.decidedBy ?? "someone"} at ${error.proposal.decidedAt ?? "?"}`;
    case "covered":
      return `fact ${error.factId} already states it`;
    case "invalid":
      return problemsLine(error.problems);
    default:
      return error.kind;
  }
}

function fail(store: FactStore, line: string): never {
  store.close();
  exitWithError([line]);
}
