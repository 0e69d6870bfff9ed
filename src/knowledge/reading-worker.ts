import { workerData } from "node:worker_threads";
import { HelperState, readAsHelper, reportTransfers, type HelperData } from "./parallel-reading.js";

/** A helper thread of `readFacts`: reads its share of the facts and hands the report back. */
const { work, port, state } = workerData as HelperData;
Atomics.store(state, 0, HelperState.Reading);
Atomics.notify(state, 0);
try {
  const report = readAsHelper(work);
  port.postMessage(report, reportTransfers(report));
} catch (error) {
  port.postMessage({ error: String(error) });
}
Atomics.store(state, 0, HelperState.Done);
Atomics.notify(state, 0);
