/** Messages between content scripts, pages and the background, with type guards. */
import type { AnalyzeOptions } from '../engine/types';
import type { PageStats } from '../page/loop';

export type PageStatus = 'scanning' | 'no-messages' | 'ok' | 'disabled';

export interface StatsMessage {
  type: 'dunwatch:stats';
  site: string;
  status: PageStatus;
  stats: PageStats;
}

export interface TabStatusRequest {
  type: 'dunwatch:tab-status';
  tabId: number;
}

export interface TabStatus {
  site?: string;
  status?: PageStatus;
  stats?: PageStats;
}

export function isStatsMessage(m: unknown): m is StatsMessage {
  const x = m as Partial<StatsMessage> | null;
  return typeof x === 'object' && x !== null && x.type === 'dunwatch:stats' && typeof x.site === 'string' && typeof x.stats === 'object';
}

export function isTabStatusRequest(m: unknown): m is TabStatusRequest {
  const x = m as Partial<TabStatusRequest> | null;
  return typeof x === 'object' && x !== null && x.type === 'dunwatch:tab-status' && typeof x.tabId === 'number';
}

/** Analyze a text in the background (pages that do not bundle the engine themselves). */
export interface AnalyzeRequest {
  type: 'dunwatch:analyze';
  text: string;
  options?: AnalyzeOptions;
}

export function isAnalyzeRequest(message: unknown): message is AnalyzeRequest {
  const m = message as Partial<AnalyzeRequest> | null;
  return typeof m === 'object' && m !== null && m.type === 'dunwatch:analyze' && typeof m.text === 'string';
}
