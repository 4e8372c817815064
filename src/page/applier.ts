/**
 * The applier: turns the engine's answer for one message into what the reader sees. It drops
 * the findings the reader chose to ignore, draws the rest as highlights (Ranges from the text
 * map), sets the message's marker, and keeps the record. An answer for a message that changed
 * while the engine was busy is stale and is not applied.
 */
import type { AnalyzeResult } from '../engine/types';
import type { Highlighter } from './highlight';
import type { Ignores } from './ignores';
import type { Markers } from './markers';
import type { RecordStore } from './records';
import { rangeFor, type ExtractedText } from './text-map';
import type { MessageInfo, PageRecord } from './types';

/** A message read from the page, waiting for its answer. */
export interface Extracted {
  element: Element;
  info: MessageInfo;
  extracted: ExtractedText;
}

export interface ApplierParts {
  doc: Document;
  records: RecordStore;
  highlighter: Highlighter;
  markers: Markers;
  ignores: Ignores;
  rights: () => { title: string; url: string; phone?: string }[];
  /** a body in another document (a same-origin iframe) was flagged: listen for pointer events there */
  onForeignDocument?: (doc: Document) => void;
}

export class Applier {
  constructor(private readonly p: ApplierParts) {}

  apply({ element, info, extracted }: Extracted, result: AnalyzeResult): PageRecord {
    const p = this.p;
    const findings = p.ignores.filter(result.findings, info.sender, extracted.text);
    const entries = findings.flatMap((f) => {
      const range = rangeFor(p.doc, extracted, f.start, f.end);
      return range ? [{ category: f.category, range }] : [];
    });
    p.highlighter.set(element, entries);
    const record: PageRecord = { id: p.records.idFor(element), element, info, text: extracted.text, result, findings, extracted };
    p.records.set(record);
    if (findings.length && info.body.ownerDocument !== p.doc) p.onForeignDocument?.(info.body.ownerDocument);
    p.markers.set(this.cardContext(record));
    return record;
  }

  cardContext(record: PageRecord) {
    return { message: record.element, anchor: record.info.body, findings: record.findings, rights: this.p.rights(), ...(record.info.fallback ? { fallback: true } : {}) };
  }
}
