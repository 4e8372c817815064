/** For tests: the background's answers to the popup, from the real engine in-process. */
import { getEngine } from '../../engine/bundled';
import { isAnalyzeRequest, isAnalyzeThreadRequest } from '../../extension/messages';
import type { Send } from './check';

export function fakeBackground(log: unknown[] = []): Send {
  const engine = getEngine();
  return async (m) => {
    log.push(m);
    if (isAnalyzeRequest(m)) return engine.analyze(m.text, m.options);
    if (isAnalyzeThreadRequest(m)) {
      const r = engine.analyzeThread(m.messages, { ...m.options, timeZone: m.options.timeZone || 'UTC' });
      return { findings: r.findings, warnings: r.warnings };
    }
    return undefined;
  };
}
