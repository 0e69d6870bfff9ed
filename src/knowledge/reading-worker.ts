import { workerData } from "node:worker_threads";
import { HelperState, readAsHelper, reportTransfers, type HelperData } from "./parallel-reading.js";

/** A helper thread of `readFacts`: reads its share of the facts and hands the report back. */
const { work, port, state } = workerData as HelperData;
Atomics.store(state, 0, HelperState.Reading);
Atomics.notify(state, 0);
try {
  const report = readAsHelper(work);
  port.postMessage(report, reportTransfers(report));
} finally {
  // Done without a report is a failure: the building thread reads the facts itself.
  Atomics.store(state, 0, HelperState.Done);
  Atomics.notify(state, 0);
}
