/** The analyze request that pages and content scripts send to the background. */
import type { AnalyzeOptions } from '../engine/types';

export interface AnalyzeRequest {
  type: 'dunwatch:analyze';
  text: string;
  options?: AnalyzeOptions;
}

export function isAnalyzeRequest(message: unknown): message is AnalyzeRequest {
  const m = message as Partial<AnalyzeRequest> | null;
  return typeof m === 'object' && m !== null && m.type === 'dunwatch:analyze' && typeof m.text === 'string';
}
