/** The tab's report from the reports of its frames. */
import { describe, expect, it } from 'vitest';
import { mergeFrameReports } from './frame-reports';
import type { TabStatus } from './messages';

const empty = { messages: 0, flagged: 0, findings: 0, byCategory: {} };
const topNone: TabStatus = { site: 'qq-mail', status: 'no-messages', reader: 'none', stats: empty, url: 'https://mail.qq.com/cgi-bin/frame_html?sid=x' };
const reader: TabStatus = {
  site: 'qq-mail', status: 'ok', reader: 'adapter', url: 'https://mail.qq.com/cgi-bin/readmail?mailid=1',
  stats: { messages: 3, flagged: 1, findings: 2, byCategory: { threat: 1, privacy: 1 } },
  messages: [{ id: 'fab12-m1', direction: 'incoming', text: 't', findings: [] }],
};

describe('mergeFrameReports', () => {
  it('one frame: its report as it is', () => expect(mergeFrameReports({ 0: reader })).toEqual(reader));

  it('the frame that found messages decides; the tab keeps the top frame\'s address', () => {
    const merged = mergeFrameReports({ 0: topNone, 5: reader });
    expect(merged).toMatchObject({ status: 'ok', reader: 'adapter', url: topNone.url, stats: reader.stats, messages: reader.messages });
  });

  it('several frames with messages add up; a fallback anywhere is said', () => {
    const other: TabStatus = { ...reader, reader: 'fallback', stats: { messages: 1, flagged: 1, findings: 1, byCategory: { threat: 1 } }, messages: [{ id: 'fcd34-m1', direction: 'unknown', text: 'u', findings: [], fallback: true }] };
    const merged = mergeFrameReports({ 0: topNone, 3: reader, 9: other });
    expect(merged.stats).toEqual({ messages: 4, flagged: 2, findings: 3, byCategory: { threat: 2, privacy: 1 } });
    expect(merged.messages!.map((m) => m.id)).toEqual(['fab12-m1', 'fcd34-m1']);
    expect(merged.reader).toBe('fallback');
  });

  it('no frame found messages: the top frame\'s report', () => expect(mergeFrameReports({ 0: topNone, 2: { ...topNone, url: 'about:blank' } })).toEqual(topNone));
});
