// Runs before `npm start`, `deploy-commands` and `facts`: with the TypeScript compiler installed (development) it
// brings dist/ up to date; without it (a production install, `--omit=dev`) it only checks that dist/ is there.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import process from "node:process";

const require = createRequire(import.meta.url);
let compiler;
try {
  compiler = require.resolve("typescript/bin/tsc");
} catch {
  compiler = undefined;
}
if (compiler) {
  const build = spawnSync(process.execPath, [compiler, "-p", "tsconfig.build.json"], { stdio: "inherit" });
  process.exit(build.status ?? 1);
}
if (!existsSync("dist/index.js")) {
  process.stderr.write("dist/ is missing and TypeScript is not installed: build first (npm ci && npm run build), then npm prune --omit=dev\n");
  process.exit(1);
}
