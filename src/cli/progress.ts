/**
 * Progress on stderr for long runs: messages done, rate, and (when the input's size is known)
 * percentage and ETA. On a terminal one line is redrawn; with --progress and no terminal a line
 * is written every few seconds. Never touches stdout.
 */
import type { Meter } from './sources';

export interface ProgressSink {
  write(s: string): unknown;
  isTTY?: boolean;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function progressLine(messages: number, elapsedSec: number, meter?: Meter): string {
  const rate = elapsedSec > 0 ? messages / elapsedSec : 0;
  const parts = [`${messages.toLocaleString('en')} messages`, `${rate >= 100 ? Math.round(rate).toLocaleString('en') : rate.toFixed(1)}/s`];
  if (meter?.total) {
    const f = Math.min(1, meter.done / meter.total);
    parts.push(`${(f * 100).toFixed(1)} %`);
    if (f > 0 && f < 1) parts.push(`ETA ${formatDuration((elapsedSec * (1 - f)) / f)}`);
  }
  return parts.join(' · ');
}

export class Progress {
  private messages = 0;
  private readonly start: number;
  private last = 0;
  private readonly interval: number;

  constructor(
    private readonly sink: ProgressSink,
    private readonly meter: Meter | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start = this.now();
    this.last = this.start;
    this.interval = sink.isTTY ? 200 : 5000;
  }

  tick(n = 1): void {
    this.messages += n;
    const t = this.now();
    if (t - this.last < this.interval) return;
    this.last = t;
    this.draw(t);
  }

  private draw(t: number): void {
    const line = progressLine(this.messages, (t - this.start) / 1000, this.meter);
    this.sink.write(this.sink.isTTY ? `\r\x1b[2K${line}` : `${line}\n`);
  }

  /** The final line (always on its own line). */
  done(): void {
    const t = this.now();
    const line = `${progressLine(this.messages, (t - this.start) / 1000)} · done in ${formatDuration((t - this.start) / 1000)}`;
    this.sink.write(this.sink.isTTY ? `\r\x1b[2K${line}\n` : `${line}\n`);
  }
}
