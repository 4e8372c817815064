// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'solid-js/web';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getEngine } from '../../engine/bundled';
import { exportBundle, verifyBundle } from '../../evidence/bundle';
import { Ledger, nextEntry } from '../../evidence/ledger';
import { generateInstallKey } from '../../evidence/signing';
import { fakePng } from '../../evidence/fixtures';
import { EvidenceStore } from '../../evidence/storage';
import type { EvidenceCaptureRequest } from '../../extension/evidence-messages';
import { EvidenceService } from '../../extension/evidence-service';
import { serviceTransport } from '../../extension/test-transport';
import { substitute } from '../i18n';
import { requestClient, requestPersistence, type LockerClient } from './client';
import { filterItems, LockerPanel } from './LockerPanel';
import { SavePastedEvidence } from './SavePastedEvidence';

const ROOT = join(import.meta.dirname, '../../..');
const locale = (l: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = locale('en');
const engine = getEngine();

beforeAll(() => {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => substitute(en[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
});

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const threat = 'If you do not pay today we will call your employer and tell your whole family about your debt.';
const insult = 'You are a worthless deadbeat, pay up.';

function req(site: string, id: string, text: string, sender: string, iso: string, withRect = true): EvidenceCaptureRequest {
  return {
    type: 'dunwatch:evidence-capture',
    site,
    scope: 'message',
    viewport: { width: 1000, height: 800, dpr: 1 },
    messages: [{ id, sender, sentAt: iso.slice(0, 10), sentAtIso: iso, direction: 'incoming', subject: `About ${id}`, text, findings: engine.analyze(text, { uiLang: 'en' }).findings, ...(withRect ? { rect: { x: 0, y: 0, width: 10, height: 10 } } : {}) }],
  };
}

async function locker(persisted: boolean | 'unsupported' = true): Promise<{ client: LockerClient; store: EvidenceStore; svc: EvidenceService }> {
  const ref: { svc?: EvidenceService } = {};
  const store = await EvidenceStore.open({ dexie: { indexedDB: new IDBFactory(), IDBKeyRange }, onWriteError: (f) => ref.svc?.writeFailed(f) });
  const listeners = new Set<() => void>();
  const svc = (ref.svc = new EvidenceService({
    store,
    extensionVersion: '0.1.0',
    rulesBundleHash: engine.bundle.hash,
    screenshot: async (r) => ({ pngs: new Map(r.messages.filter((m) => m.rect).map((m) => [m.id, fakePng(3)])), noScreenshot: 'no-permission' }),
    notify: () => listeners.forEach((l) => l()),
  }));
  const client = requestClient(serviceTransport(svc, { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), persistence: async () => persisted }));
  return { client, store, svc };
}

const until = async (check: () => unknown, ms = 3000) => {
  const start = Date.now();
  for (;;) {
    try {
      const v = check();
      if (v) return v;
    } catch {
      // not yet
    }
    if (Date.now() - start > ms) throw new Error('timed out waiting for the UI');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel);
const ids = () => [...document.querySelectorAll('[data-record-id]')].map((e) => e.getAttribute('data-record-id'));
function pickFile(bytes: Uint8Array | Blob) {
  const input = $<HTMLInputElement>('[data-testid=import]')!;
  Object.defineProperty(input, 'files', { value: [new File([bytes as BlobPart], 'x.zip', { type: 'application/zip' })], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
function change(el: HTMLInputElement | HTMLSelectElement, value: string, event = 'input') {
  el.value = value;
  el.dispatchEvent(new Event(event, { bubbles: true }));
}

describe('LockerPanel', () => {
  it('lists, searches and filters by sender, site, category and date', async () => {
    const { client, svc } = await locker();
    await svc.handle(req('gmail', 'a1', threat, 'Apex Recovery <c@apex.example>', '2026-11-01T10:00:00.000Z'));
    await svc.handle(req('whatsapp', 'b1', insult, '+1 555 0100', '2026-11-15T10:00:00.000Z'));
    dispose = render(() => <LockerPanel client={client} />, document.body);
    await until(() => ids().length === 2);
    expect(ids()).toEqual(['a1', 'b1']);
    change($<HTMLSelectElement>('[data-testid=filter-site]')!, 'whatsapp', 'change');
    expect(ids()).toEqual(['b1']);
    change($<HTMLSelectElement>('[data-testid=filter-site]')!, '', 'change');
    change($<HTMLSelectElement>('[data-testid=filter-sender]')!, 'Apex Recovery', 'change');
    expect(ids()).toEqual(['a1']);
    change($<HTMLSelectElement>('[data-testid=filter-sender]')!, '', 'change');
    change($<HTMLInputElement>('[data-testid=search]')!, 'DEADBEAT');
    expect(ids()).toEqual(['b1']);
    change($<HTMLInputElement>('[data-testid=search]')!, '');
    change($<HTMLInputElement>('[data-testid=filter-from]')!, '2026-11-10');
    expect(ids()).toEqual(['b1']);
    change($<HTMLInputElement>('[data-testid=filter-to]')!, '2026-11-12');
    expect(ids()).toEqual([]);
    // category filter, directly on the function (the select lists the categories present)
    const list = await client.list();
    const cats = list.items[0]!.record.findings.map((f) => f.category);
    expect(filterItems(list.items, { query: '', sender: '', site: '', category: cats[0]!, from: '', to: '' }).map((i) => i.record.id)).toContain('a1');
    expect(filterItems(list.items, { query: '', sender: '', site: '', category: 'no-such', from: '', to: '' })).toEqual([]);
  });

  it('picked records make a complaint draft quoting their flagged words; none picked says so', async () => {
    const { client, svc } = await locker();
    await svc.handle(req('gmail', 'a1', threat, 'Apex Recovery <c@apex.example>', '2026-11-01T10:00:00.000Z'));
    await svc.handle(req('whatsapp', 'b1', insult, '+1 555 0100', '2026-11-15T10:00:00.000Z'));
    dispose = render(() => <LockerPanel client={client} />, document.body);
    await until(() => ids().length === 2);
    const draft = () => $<HTMLTextAreaElement>('[data-testid=complaint] textarea')!.value;
    expect($('[data-testid=complaint]')!.textContent).toContain('No saved messages are selected yet.');
    const pick = document.querySelectorAll<HTMLInputElement>('[data-testid=pick]');
    pick[1]!.click();
    await until(() => draft().includes('+1 555 0100'));
    const first = (await client.list()).items.find((i) => i.record.id === 'b1')!.record.findings[0]!;
    expect(draft()).toContain(insult.slice(first.start, first.end));
    expect(draft()).not.toContain('Apex Recovery');
  });

  it('shows a record with its screenshot (blob URL), flagged spans as text, and annotates and deletes with a reason', async () => {
    const { client, svc } = await locker();
    await svc.handle(req('gmail', 'a1', threat, 'Apex Recovery <c@apex.example>', '2026-11-01T10:00:00.000Z'));
    await svc.handle(req('gmail', 'a2', '<img src=x onerror=alert(1)> pay now', 'Apex', '2026-11-02T10:00:00.000Z', false));
    dispose = render(() => <LockerPanel client={client} />, document.body);
    await until(() => ids().length === 2);
    document.querySelector<HTMLButtonElement>('[data-record-id=a1] button')!.click();
    await until(() => $('[data-testid=screenshot]'));
    expect($<HTMLImageElement>('[data-testid=screenshot]')!.src).toMatch(/^blob:/);
    const text = $('[data-testid=record-text]')!;
    expect(text.textContent).toBe(threat);
    expect(text.querySelectorAll('mark').length).toBeGreaterThan(0);
    expect(document.body.textContent).toContain('c@apex.example');
    change($<HTMLInputElement>('#locker-note')!, 'they also phoned my sister');
    $<HTMLFormElement>('#locker-note')!.form!.requestSubmit();
    await until(() => $('[data-testid=annotations]')?.textContent?.includes('they also phoned my sister'));
    document.querySelector<HTMLButtonElement>('.locker-record button')!.click(); // back
    await until(() => ids().length === 2);
    document.querySelector<HTMLButtonElement>('[data-record-id=a2] button')!.click();
    await until(() => $('[data-testid=record-text]'));
    expect($('[data-testid=record-text]')!.querySelector('img')).toBeNull();
    expect($('[data-testid=record-text]')!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect($('[data-testid=no-screenshot]')!.textContent).toMatch(/right-click/);
    change($<HTMLInputElement>('#locker-delete-reason')!, 'duplicate');
    $<HTMLFormElement>('#locker-delete-reason')!.form!.requestSubmit();
    await until(() => ids().length === 1);
    expect($('[data-testid=deletions]')!.textContent).toContain('duplicate');
  });

  it('verifies the chain and names the record that broke it', async () => {
    const { client, svc, store } = await locker();
    await svc.handle(req('gmail', 'a1', threat, 'Apex Recovery', '2026-11-01T10:00:00.000Z'));
    await svc.handle(req('gmail', 'a2', insult, 'Apex Recovery', '2026-11-02T10:00:00.000Z'));
    dispose = render(() => <LockerPanel client={client} />, document.body);
    await until(() => ids().length === 2);
    $<HTMLButtonElement>('[data-testid=verify]')!.click();
    await until(() => $('[data-testid=verify-result]'));
    expect($('[data-testid=verify-result]')!.textContent).toMatch(/The chain verifies: 2 entries/);
    await store.db.entries.where('seq').equals(1).modify((e) => {
      if (e.kind === 'capture' && e.payload) e.payload.sentAt.shown = '2026-10-01';
    });
    $<HTMLButtonElement>('[data-testid=verify]')!.click();
    await until(() => $('[data-testid=verify-result]')!.textContent?.includes('NOT'));
    const result = $('[data-testid=verify-result]')!.textContent!;
    expect(result).toContain('Entry 1, record a2 ("About a2" from Apex Recovery)');
    expect(result).not.toContain('record a1');
  });

  it('exports a zip through an <a download> blob URL, and refuses a tampered bundle on import without changing anything', async () => {
    const { client, svc } = await locker();
    await svc.handle(req('gmail', 'a1', threat, 'Apex Recovery', '2026-11-01T10:00:00.000Z'));
    const blobs: Blob[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), `blob:test/${blobs.length}`));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    dispose = render(() => <LockerPanel client={client} />, document.body);
    await until(() => ids().length === 1);
    $<HTMLButtonElement>('[data-testid=export]')!.click();
    await until(() => clicked.length === 1);
    expect(clicked[0]!.download).toMatch(/^dunwatch-evidence-.*\.zip$/);
    const zipBlob = blobs.find((b) => b.type === 'application/zip')!;
    const zip = new Uint8Array(await zipBlob.arrayBuffer());
    expect((await verifyBundle(zip)).ok).toBe(true);
    created.mockRestore();

    const bad = zip.slice();
    bad[200] = bad[200]! ^ 0xff;
    const input = $<HTMLInputElement>('[data-testid=import]')!;
    const file = new File([bad], 'x.zip', { type: 'application/zip' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => $('[data-testid=import-result]'));
    expect($('[data-testid=import-result]')!.textContent).toMatch(/refused and nothing was changed/);
    expect((await client.list()).items).toHaveLength(1);
  });

  it('import: the preview shows the key fingerprint and whether it is ours; the user can pin it; imported records are marked', async () => {
    const a = await locker();
    await a.svc.handle(req('gmail', 'a1', threat, 'Apex Recovery', '2026-11-01T10:00:00.000Z'));
    const exp = await a.client.exportZip('en');
    if (!exp.ok) throw new Error(exp.error);
    const own = (await a.client.list()).keys.own;
    const b = await locker();
    await b.svc.handle(req('gmail', 'b1', insult, 'Other', '2026-11-02T10:00:00.000Z'));
    dispose = render(() => <LockerPanel client={b.client} />, document.body);
    await until(() => ids().length === 1);
    pickFile(exp.zip);
    await until(() => $('[data-testid=import-preview]'));
    expect($('[data-testid=import-fingerprint]')!.getAttribute('data-fingerprint')).toBe(own);
    expect($('[data-testid=import-key]')!.getAttribute('data-key-kind')).toBe('unknown');
    expect($('[data-testid=import-key]')!.textContent).toMatch(/Anyone can make a key: compare this fingerprint/);
    expect($('[data-testid=import-preview]')!.textContent).toContain('Would add 1 record(s) (1 entries); 0 already here.');
    expect(ids()).toEqual(['b1']); // nothing imported by looking
    change($<HTMLInputElement>('#locker-pin-label')!, 'Ann (legal aid)');
    $<HTMLFormElement>('#locker-pin-label')!.form!.requestSubmit();
    await until(() => $('[data-testid=import-key]')!.getAttribute('data-key-kind') === 'trusted');
    expect($('[data-testid=import-key]')!.textContent).toContain('A key you trust: Ann (legal aid)');
    $<HTMLButtonElement>('[data-testid=import-proceed]')!.click();
    // the list and the result line update separately: wait for both
    await until(() => ids().length === 2 && $('[data-testid=import-result]'));
    expect($('[data-testid=import-result]')!.textContent).toContain('1 record(s) added');
    const mark = document.querySelector('[data-record-id=a1] [data-testid=imported-mark]')!;
    expect(mark.textContent).toBe('Imported');
    expect(mark.getAttribute('title')).toContain(own.slice(0, 4));
    expect(document.querySelector('[data-record-id=b1] [data-testid=imported-mark]')).toBeNull();
    // the same installation's own export is recognised as such
    const mine = await b.client.exportZip('en');
    if (!mine.ok) throw new Error(mine.error);
    const opened = await b.client.openImport(mine.zip);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    expect(await opened.session.preview()).toMatchObject({ ok: true, key: { kind: 'own' }, records: 0 });
    opened.session.close();
  });

  it('attack: a bundle that deletes and annotates a local record changes nothing until the user ticks and confirms', async () => {
    const mine = await locker();
    await mine.svc.handle(req('gmail', 'a1', threat, 'Apex Recovery', '2026-11-01T10:00:00.000Z'));
    await mine.svc.handle(req('gmail', 'a2', insult, 'Apex Recovery', '2026-11-02T10:00:00.000Z'));
    // the attacker knows a1's id and hash (from any export the victim shared)
    const victim = mine.store.ledger.entries.find((e) => e.recordId === 'a1')!;
    const evil = new Ledger([await nextEntry(undefined, 'capture', 'a1', null, victim.at, victim.payloadSha256)]);
    evil.entries.push(await nextEntry(evil.head, 'deletion', 'a1', { recordId: 'a1', recordSha256: victim.payloadSha256, reason: 'duplicate', deletedAt: '2026-11-03T00:00:00.000Z' }, '2026-11-03T00:00:00.000Z'));
    const zip = await exportBundle(evil.entries, new Map(), { exportedAt: '2026-11-28T12:00:00.000Z', softwareVersion: 'x', language: 'en', keyPair: await generateInstallKey() });
    dispose = render(() => <LockerPanel client={mine.client} />, document.body);
    await until(() => ids().length === 2);
    pickFile(zip);
    await until(() => $('[data-testid=import-preview]'));
    expect($('[data-testid=import-preview-pending]')!.textContent).toMatch(/1 note\(s\) or deletion\(s\) in this file are about records already in your locker. Importing will NOT apply them/);
    $<HTMLButtonElement>('[data-testid=import-proceed]')!.click();
    await until(() => $('[data-testid=import-result]'));
    await until(() => $('[data-testid=pending-changes]'));
    expect(ids()).toEqual(['a1', 'a2']);
    expect($('[data-testid=import-pending-note]')!.textContent).toMatch(/1 change\(s\) for records already here were not applied/);
    expect($('[data-testid=pending-changes]')!.textContent).toContain('Delete "About a1" (Apex Recovery). Reason given: duplicate');
    expect($<HTMLButtonElement>('[data-testid=apply-pending]')!.disabled).toBe(true);
    $<HTMLInputElement>('[data-testid=pending-pick]')!.click();
    $<HTMLButtonElement>('[data-testid=apply-pending]')!.click();
    await until(() => ids().length === 1);
    expect(ids()).toEqual(['a2']);
    expect($('[data-testid=deletions]')!.textContent).toContain('duplicate');
    expect($('[data-testid=pending-changes]')).toBeNull();
    expect((await mine.client.verify()).ok).toBe(true);
  });

  it('says what the integrity proves and what it does not, and shows pending writes with a retry', async () => {
    const { client, svc, store } = await locker();
    const put = vi.spyOn(store.db.entries, 'bulkPut').mockImplementation(() => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never);
    await svc.handle(req('gmail', 'a1', threat, 'Apex', '2026-11-01T10:00:00.000Z'));
    dispose = render(() => <LockerPanel client={client} variant="panel" />, document.body);
    await until(() => $('[data-testid=pending]'));
    expect($('[data-testid=pending]')!.textContent).toMatch(/1 change\(s\) not yet written to disk \(QuotaExceededError/);
    expect($('[data-testid=integrity]')!.textContent).toMatch(/A valid signature proves that the file has not changed since the holder of that key signed it/);
    expect($('[data-testid=integrity]')!.textContent).toMatch(/It does not prove who holds that key/);
    expect($('h2#locker-title')).not.toBeNull();
    put.mockRestore();
    $<HTMLButtonElement>('[data-testid=pending] button')!.click();
    await until(() => !$('[data-testid=pending]'));
    expect(await store.db.entries.count()).toBe(1);
  });
});

describe('persistent storage, as the page asks for it', () => {
  it('shows what persisted() says: kept, may be cleared, or unknown', async () => {
    for (const [state, text] of [
      [true, /Persistent storage is on/],
      [false, /did not grant persistent storage/],
      ['unsupported', /does not say whether it may clear/],
    ] as const) {
      const { client } = await locker(state);
      dispose = render(() => <LockerPanel client={client} />, document.body);
      await until(() => $('[data-testid=persistence]'));
      expect($('[data-testid=persistence]')!.getAttribute('data-persisted')).toBe(String(state));
      expect($('[data-testid=persistence]')!.textContent).toMatch(text);
      dispose();
      dispose = undefined;
      document.body.replaceChildren();
    }
  });

  it('requestPersistence asks persist() only when not yet persistent, and reports persisted() after', async () => {
    const calls: string[] = [];
    let granted = false;
    const storage = {
      persisted: async () => (calls.push('persisted'), granted),
      persist: async () => (calls.push('persist'), (granted = true)),
    };
    expect(await requestPersistence(storage)).toBe(true);
    expect(calls).toEqual(['persisted', 'persist', 'persisted']);
    calls.length = 0;
    expect(await requestPersistence(storage)).toBe(true);
    expect(calls).toEqual(['persisted', 'persisted']);
    // the browser refuses: persist() says false, and so does persisted()
    expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toBe(false);
    // a worker, or a browser without the API
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await requestPersistence(undefined)).toBe('unsupported');
  });
});

describe('SavePastedEvidence', () => {
  it('saves a pasted message marked as pasted with the user note', async () => {
    const { client } = await locker();
    const findings = engine.analyze(threat, { uiLang: 'en' }).findings;
    dispose = render(() => <SavePastedEvidence text={threat} findings={findings} client={client} lockerUrl="locker.html" />, document.body);
    change($<HTMLInputElement>('#pasted-note')!, 'SMS from 555-0100 on 3 Nov, 9pm');
    $<HTMLFormElement>('[data-testid=save-pasted]')!.requestSubmit();
    await until(() => $('[data-state=saved]'));
    const [item] = (await client.list()).items;
    expect(item!.record).toMatchObject({ source: 'pasted', site: 'pasted', note: 'SMS from 555-0100 on 3 Nov, 9pm', text: threat, screenshotSha256: null });
    expect(item!.record.findings.length).toBe(findings.length);
  });
});

describe('locker strings', () => {
  it('every key the locker UI uses exists in en, zh_CN and zh_TW', () => {
    const code = readdirSync(import.meta.dirname)
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f))
      .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
      .join('\n');
    const used = new Set([...code.matchAll(/\bt\('([A-Za-z_]+)'/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(40);
    for (const l of ['en', 'zh_CN', 'zh_TW']) expect([...used].filter((k) => !locale(l)[k]), l).toEqual([]);
  });
});
