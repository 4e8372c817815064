/**
 * report.html: a printable report in the user's language (en or zh-CN). No scripts, no
 * external resources (screenshots are the bundle's own screenshots/<id>.png, by relative
 * path). Every piece of message text is escaped and inserted as text; message HTML is never
 * used.
 */
import type { Annotation, ChainEntry, Provenance } from './ledger';
import type { CaptureRecord } from './record';

export type ReportLang = 'en' | 'zh-CN';

const T = {
  en: {
    title: 'Dunwatch evidence report',
    exported: 'Exported',
    software: 'Software',
    key: 'Signing key fingerprint (SHA-256)',
    chainHead: 'Chain head (SHA-256)',
    integrity: 'What the integrity check proves',
    proves: 'The SHA256SUMS file lists a SHA-256 hash of every file in this bundle, and signature.json signs SHA256SUMS with a key a browser installation created. Each saved message has its own hash and is linked to the one saved before it; deletions are recorded, not hidden. A valid signature proves that no file has changed since the holder of that key signed it, and that no saved message was edited, removed or reordered since it was saved (see VERIFY.txt to check it yourself).',
    notProves: 'It does not prove who holds the key: anyone can make one, and the key belongs to whoever made the export, not to a court or a notary. Compare its fingerprint with the one the person who made it gives you. Nor does it prove that the sender really sent the message, that the page showed it truthfully, that the times shown by the website are right, or that imported records were first saved when they claim. The findings are automatic flags, not legal advice.',
    summary: 'Summary',
    messages: 'Messages',
    flagged: 'With findings',
    deleted: 'Deleted records (recorded in the chain)',
    byCategory: 'Findings by category',
    bySender: 'Findings by sender',
    timeline: 'Timeline',
    from: 'From',
    sent: 'Sent (as shown)',
    sentUtc: 'Sent (UTC)',
    captured: 'Saved',
    site: 'Site',
    subject: 'Subject',
    thread: 'Thread',
    outgoing: "Reader's own message",
    pasted: 'Pasted by the user; their note',
    findings: 'Findings',
    law: 'Law',
    notes: 'Notes and tags',
    hash: 'Record SHA-256',
    screenshot: 'Screenshot',
    none: 'none',
    unknown: 'unknown',
    count: 'Count',
    imported: 'Imported',
    importedDetail: (at: string, key: string, own: boolean) => `on ${at} from a bundle signed by key ${key}${own ? ' (the key that signed this report)' : ''}; the saved time above is the one that bundle claims`,
    importedEarlier: 'Imported there earlier, from key',
    importedCount: 'Imported records (from other bundles)',
    imports: 'Imports',
    importLine: (at: string, key: string, n: number, pending: number) => `${at}: ${n} record(s) from a bundle signed by key ${key}${pending ? `; ${pending} note(s) or deletion(s) for records already here were offered and not applied unless confirmed` : ''}`,
  },
  'zh-CN': {
    title: '催收哨兵 证据报告',
    exported: '导出时间',
    software: '软件',
    key: '签名密钥指纹（SHA-256）',
    chainHead: '哈希链末端（SHA-256）',
    integrity: '完整性校验能证明什么',
    proves: 'SHA256SUMS 文件列出本证据包中每个文件的 SHA-256 哈希值，signature.json 用本浏览器安装时生成的密钥对 SHA256SUMS 进行了签名。每条保存的消息都有自己的哈希值，并与之前保存的一条相链接；删除操作会被记录，而不会被隐藏。如果全部校验通过，说明自导出以来没有任何文件被改动，且每条消息自保存以来没有被修改、删除或调换顺序（自行校验方法见 VERIFY.txt）。',
    notProves: '它不能证明发送者确实发送了该消息、网页如实显示了该消息，或网站显示的时间准确无误。签名密钥属于制作导出的人，而不是法院或公证机构；请与制作者提供的指纹核对。标记结果是自动提示，不构成法律意见。',
    summary: '概要',
    messages: '消息数',
    flagged: '有标记的消息',
    deleted: '已删除的记录（已记入哈希链）',
    byCategory: '按类别统计',
    bySender: '按发送者统计',
    timeline: '时间线',
    from: '发送者',
    sent: '发送时间（页面显示）',
    sentUtc: '发送时间（UTC）',
    captured: '保存时间',
    site: '网站',
    subject: '主题',
    thread: '会话',
    outgoing: '用户本人发出的消息',
    pasted: '用户粘贴；用户备注',
    findings: '标记',
    law: '法律依据',
    notes: '备注和标签',
    hash: '记录 SHA-256',
    screenshot: '截图',
    none: '无',
    unknown: '未知',
    count: '数量',
    imported: '导入',
    importedDetail: (at: string, key: string, own: boolean) => `于 ${at} 从密钥 ${key}${own ? '（即签署本报告的密钥）' : ''}签名的证据包导入；上方的保存时间是该证据包自称的时间`,
    importedEarlier: '此前已从以下密钥导入',
    importedCount: '导入的记录（来自其他证据包）',
    imports: '导入记录',
    importLine: (at: string, key: string, n: number, pending: number) => `${at}：从密钥 ${key} 签名的证据包导入 ${n} 条记录${pending ? `；针对已有记录的 ${pending} 条备注或删除仅列出，未经确认不会应用` : ''}`,
  },
} as const;

const CATEGORY_NAMES: Record<ReportLang, Record<string, string>> = {
  en: { threat: 'Threats', privacy: 'Privacy', abuse: 'Abuse', deception: 'Deception', harassment: 'Harassment', unfair: 'Unfair demands' },
  'zh-CN': { threat: '威胁', privacy: '隐私侵犯', abuse: '辱骂', deception: '欺骗', harassment: '骚扰', unfair: '不当要求' },
};

export function escapeHtml(value: unknown): string {
  // String(): a value of an odd type must come out as text, never throw
  const s = typeof value === 'string' ? value : String(value);
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The text with every flagged span in <mark>, overlapping spans merged; all text escaped. */
export function markedText(r: CaptureRecord): string {
  const spans = r.findings
    .map((f) => ({ start: Math.max(0, Math.min(f.start, r.text.length)), end: Math.max(0, Math.min(f.end, r.text.length)), label: `${f.rule}: ${f.title}` }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number; labels: string[] }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (!last.labels.includes(s.label)) last.labels.push(s.label);
    } else merged.push({ start: s.start, end: s.end, labels: [s.label] });
  }
  let out = '';
  let at = 0;
  for (const m of merged) {
    out += escapeHtml(r.text.slice(at, m.start));
    out += `<mark title="${escapeHtml(m.labels.join('; '))}">${escapeHtml(r.text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + escapeHtml(r.text.slice(at));
}

export interface ReportInput {
  lang: ReportLang;
  entries: readonly ChainEntry[];
  records: readonly { record: CaptureRecord; sha256: string }[];
  annotations: readonly Annotation[];
  screenshots: ReadonlySet<string>;
  exportedAt: string;
  softwareVersion: string;
  keyFingerprint: string;
  headSha256: string;
  /** records that came in by import (ledger.provenance) */
  provenance?: ReadonlyMap<string, Provenance>;
}

/** A name from our own table, never an inherited property (`constructor`, `__proto__`). */
const own = (table: Readonly<Record<string, string>>, key: string) => (Object.hasOwn(table, key) ? table[key]! : key);

function sortKey(r: CaptureRecord): string {
  return r.sentAt.iso ?? r.capturedAt;
}

export function reportHtml(input: ReportInput): string {
  const t = T[input.lang];
  const cat = CATEGORY_NAMES[input.lang];
  const e = escapeHtml;
  const records = [...input.records].sort((a, b) => (sortKey(a.record) < sortKey(b.record) ? -1 : sortKey(a.record) > sortKey(b.record) ? 1 : a.record.id < b.record.id ? -1 : 1));
  const byCategory = new Map<string, number>(); // Maps, not objects: keys come from the records
  const bySender = new Map<string, number>();
  for (const { record: r } of records) {
    for (const f of r.findings) {
      byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
      const who = [r.sender.name, r.sender.address ? `<${r.sender.address}>` : null].filter(Boolean).join(' ') || t.unknown;
      bySender.set(who, (bySender.get(who) ?? 0) + 1);
    }
  }
  const deletions = input.entries.filter((x) => x.kind === 'deletion');
  const prov = input.provenance ?? new Map<string, Provenance>();
  const imports = input.entries.flatMap((x) => (x.kind === 'import' && x.payload ? [x.payload] : []));
  const table = (rows: [string, number][]) =>
    rows.length ? `<table><tbody>${rows.map(([k, n]) => `<tr><td>${e(k)}</td><td class="n">${n}</td></tr>`).join('')}</tbody></table>` : `<p>${t.none}</p>`;
  const notesFor = (id: string) => input.annotations.filter((a) => a.recordId === id);
  const dl = (pairs: [string, string | null][]) =>
    `<dl>${pairs.filter(([, v]) => v !== null && v !== '').map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v!)}</dd>`).join('')}</dl>`;

  const lawLine = (f: CaptureRecord['findings'][number]) => {
    const cites = (Array.isArray(f.citations) ? f.citations : []).filter((c) => c && typeof c === 'object');
    const law = Array.isArray(f.law) ? f.law : [];
    if (!cites.length && !law.length) return '';
    return `<br>${t.law}: ${cites.length ? cites.map((c) => `${e(c.title)} (${e(c.id)})${c.url ? ` ${e(c.url)}` : ''}`).join('; ') : e(law.join(', '))}`;
  };
  const items = records.map(({ record: r, sha256 }) => {
    const findings = r.findings.length
      ? `<h4>${t.findings}</h4><ol>${r.findings
          .map((f) => `<li><strong>${e(own(cat, f.category))}</strong> · ${e(f.severity)} · <code>${e(f.rule)}</code> v${f.ruleVersion}: ${e(f.title)}<br><q>${e(f.excerpt)}</q>${lawLine(f)}</li>`)
          .join('')}</ol>`
      : '';
    const notes = notesFor(r.id);
    const p = prov.get(r.id);
    const classes = [r.direction === 'outgoing' ? 'outgoing' : '', p ? 'imported' : ''].filter(Boolean).join(' ');
    return `<article id="r-${e(r.id)}"${classes ? ` class="${classes}"` : ''}>
${p ? `<p class="imported-mark"><strong>${t.imported}</strong> ${e(t.importedDetail(p.importedAt, p.keyFingerprint, p.keyFingerprint === input.keyFingerprint))}${p.earlier.map((x) => `<br>${t.importedEarlier} ${e(x.keyFingerprint)} (${e(x.importedAt)})`).join('')}</p>` : ''}
<h3>${e(r.subject ?? r.sender.name ?? r.id)}</h3>
${dl([
  [t.from, [r.sender.name, r.sender.address ? `<${r.sender.address}>` : null].filter(Boolean).join(' ') || t.unknown],
  [t.sent, r.sentAt.shown],
  [t.sentUtc, r.sentAt.iso],
  [t.captured, r.capturedAt],
  [t.site, [r.site, r.url].filter(Boolean).join(' · ')],
  [t.thread, r.threadId],
  [t.subject, r.subject],
  [t.outgoing, r.direction === 'outgoing' ? '✓' : null],
  [t.pasted, r.source === 'pasted' ? r.note ?? '' : null],
])}
<pre class="msg">${markedText(r)}</pre>
${findings}
${notes.length ? `<h4>${t.notes}</h4><ul>${notes.map((a) => `<li>${a.type === 'tag' ? '#' : ''}${e(a.value)} <small>${e(a.createdAt)}</small></li>`).join('')}</ul>` : ''}
${input.screenshots.has(r.id) ? `<figure><img src="screenshots/${e(r.id)}.png" alt="${t.screenshot}"><figcaption>${t.screenshot}: screenshots/${e(r.id)}.png</figcaption></figure>` : ''}
<p class="hash">${t.hash}: <code>${sha256}</code></p>
</article>`;
  });

  return `<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<title>${t.title}</title>
<style>
body{font:14px/1.5 system-ui,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;max-width:56em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.6em}h2{border-bottom:1px solid #999;margin-top:2em}
article{border:1px solid #bbb;border-radius:4px;padding:.5em 1em;margin:1em 0;break-inside:avoid-page}
article.outgoing{border-style:dashed;background:#f6f6f6}
article.imported{border-left:6px solid #8a5a00}.imported-mark{background:#fff4e0;padding:.3em .6em;margin:.3em 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;margin:.5em 0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
pre.msg{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;background:#fafafa;border-left:3px solid #888;padding:.5em}
mark{background:#ffd54f;outline:1px solid #b28704}
code{font-size:.9em;overflow-wrap:anywhere}.hash{font-size:.8em;color:#444}
table{border-collapse:collapse}td{border:1px solid #ccc;padding:.2em .6em}td.n{text-align:right}
img{max-width:100%;border:1px solid #ccc}
.note{background:#eef4ff;border:1px solid #9ab;padding:.5em 1em}
@media print{body{margin:0;max-width:none}a{color:inherit}}
</style>
</head>
<body>
<h1>${t.title}</h1>
${dl([[t.exported, input.exportedAt], [t.software, input.softwareVersion], [t.key, input.keyFingerprint], [t.chainHead, input.headSha256]])}
<section class="note"><h2>${t.integrity}</h2><p>${t.proves}</p><p>${t.notProves}</p></section>
<h2>${t.summary}</h2>
${dl([[t.messages, String(records.length)], [t.flagged, String(records.filter((x) => x.record.findings.length).length)], [t.deleted, String(deletions.length)], [t.importedCount, String(records.filter((x) => prov.has(x.record.id)).length)]])}
${imports.length ? `<h3>${t.imports}</h3><ul>${imports.map((x) => `<li>${e(t.importLine(x.importedAt, x.keyFingerprint, x.records.length, x.pending.length))}</li>`).join('')}</ul>` : ''}
<h3>${t.byCategory}</h3>
${table([...byCategory].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => [own(cat, k), n]))}
<h3>${t.bySender}</h3>
${table([...bySender].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))}
<h2>${t.timeline}</h2>
${items.join('\n')}
</body>
</html>
`;
}
