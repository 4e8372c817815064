/** Development aid: times analyze() on the adversarial texts of tests/properties.test.ts (long texts without a sentence end), to check the engine stays near-linear. */
import { loadBundleFromDisk } from '../../src/rule-compiler/load';
import { createEngine } from '../../src/engine';
const engine = createEngine(await loadBundleFromDisk());
for (const text of ['you owe debt jail '.repeat(6_000), '爆你通讯录'.repeat(20_000), '爆你通讯录'.repeat(2_000)]) {
  const t0 = performance.now(); const r = engine.analyze(text);
  console.log(text.slice(0, 10), text.length, (performance.now() - t0).toFixed(0), 'ms', r.findings.length);
}
