/** Development aid: `npx tsx scripts/dev/probe.ts "text" …` prints the collection decision, every candidate finding with its confidence, and what was suppressed and why. */
import { loadBundleFromDisk } from '../../src/rule-compiler/load';
import { createEngine } from '../../src/engine';
const engine = createEngine(await loadBundleFromDisk());
const texts = process.argv.slice(2);
for (const t of texts) {
  const r = engine.analyze(t, { minConfidence: 0 });
  console.log(JSON.stringify(t.slice(0, 90)), r.collection.is, r.collection.cues.join(' '));
  for (const f of r.findings) console.log('   +', f.rule, JSON.stringify(f.excerpt), f.confidence);
  for (const s of r.suppressed) console.log('   -', s.rule, JSON.stringify(t.slice(s.start, s.end)), s.reason);
}
