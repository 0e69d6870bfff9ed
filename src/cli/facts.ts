import { parseArgs } from "node:util";
import { displayPath, formatFileProblem, readFactBaseFile, SEED_PATH } from "../knowledge/fact-base-file.js";
import { describeArgsError, exitWithError, exitWithUsage } from "./cli-io.js";

const USAGE = "Usage: npm run facts -- validate [FILE] | export.";

function parse(): { command: string; file: string } {
  try {
    const { positionals } = parseArgs({ allowPositionals: true });
    const [command, file, ...extra] = positionals;
    if (command !== "validate" && command !== "export") exitWithUsage(`facts: ${command ? `unknown command "${command}".` : "no command given."}`, USAGE);
    if (extra.length > 0 || (command === "export" && file)) exitWithUsage(`facts: too many arguments for ${command}.`, USAGE);
    return { command, file: file ?? SEED_PATH };
  } catch (error) {
    exitWithUsage(`facts: ${describeArgsError(error)}`, USAGE);
  }
}

const { command, file } = parse();
const base = readFactBaseFile(file);
if (!base.ok) exitWithError(base.error.map(formatFileProblem));
if (command === "validate") {
  const { facts, sources } = base.value;
  process.stdout.write(`${displayPath(file)}: ${facts.length} facts from ${sources.length} source${sources.length === 1 ? "" : "s"}, all valid.\n`);
} else {
  process.stdout.write(`${JSON.stringify(base.value, null, 2)}\n`);
}
