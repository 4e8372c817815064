/**
 * The bundled demo inbox (demo.html, an unlisted extension page opened by `npm start`): sample
 * collection and ordinary messages in English and Chinese, written for the demo, scanned by the
 * same page loop, engine and card the content scripts use — so a newcomer sees Dunwatch work
 * without logging into a mailbox.
 */
import { getEngine } from '@/src/engine/bundled';
import { effectiveJurisdiction } from '@/src/extension/settings';
import { genericSource } from '@/src/page/generic-source';
import { batchOf, startPageLoop } from '@/src/page/loop';
import { uiLangFor } from '@/src/page/strings';

interface DemoMessage {
  from: string;
  at: string;
  text: string;
  outgoing?: boolean;
}

const DEMO_MESSAGES: DemoMessage[] = [
  {
    from: 'Northgate Recovery <accounts@northgate-recovery.example>',
    at: 'Mon 09:12',
    text: 'FINAL NOTICE. Your balance of $1,480.00 on account 55-2190 is overdue.\nIf payment is not received by 5pm today, a warrant will be issued for your arrest and we will contact your employer about this debt.',
  },
  {
    from: 'Northgate Recovery <accounts@northgate-recovery.example>',
    at: 'Mon 09:40',
    text: 'Statement: your balance on account 55-2190 is $1,480.00. You have the right to dispute this debt within 30 days. We may report the account to the credit bureaus if it stays unpaid.',
  },
  {
    from: 'Alex (running club) <alex@example.org>',
    at: 'Mon 11:03',
    text: 'Hi! Saturday’s long run starts at 8 from the park gate. Bring water, it’s going to be warm.',
  },
  {
    from: '快易贷 催收部',
    at: '周二 10:05',
    text: '你在快易贷的借款已逾期12天，欠款3,260元。今天18点前不还款，我们就把你的欠款信息发给你通讯录里的所有人。',
  },
  {
    from: 'Quick Cash Collections (SMS)',
    at: 'Tue 22:47',
    text: 'pay now or we post ur photo on facebook so every1 knows ur a thief. u r a worthless deadbeat',
  },
  {
    from: '快易贷 客服',
    at: '周二 14:20',
    text: '温馨提示：您的账单已到期，应还金额3,260元。如有疑问请拨打客服电话，您有权对账单提出异议。',
  },
  {
    from: 'You',
    at: 'Wed 08:30',
    outgoing: true,
    text: 'I dispute this debt. Please send me written validation and stop calling my workplace.',
  },
];

function render(root: HTMLElement): void {
  for (const m of DEMO_MESSAGES) {
    const box = document.createElement('div');
    box.className = m.outgoing ? 'msg out' : 'msg';
    const meta = document.createElement('div');
    meta.className = 'meta';
    const from = document.createElement('b');
    from.textContent = m.from;
    const at = document.createElement('span');
    at.textContent = m.at;
    meta.append(from, at);
    const body = document.createElement('article');
    body.textContent = m.text;
    if (m.outgoing) body.dataset.outgoing = 'true';
    box.append(meta, body);
    root.append(box);
  }
}

async function main(): Promise<void> {
  const inbox = document.getElementById('inbox');
  if (!inbox) return;
  render(inbox);
  const engine = getEngine();
  const jurisdiction = await effectiveJurisdiction(navigator.language);
  const uiLang = uiLangFor(navigator.language);
  const rights = (engine.bundle.jurisdictions[jurisdiction]?.rights ?? []).map((r) => ({ title: r.title[uiLang], url: r.url, ...(r.phone ? { phone: r.phone } : {}) }));
  const generic = genericSource(document);
  // only the message bodies are messages; the reader's own reply is outgoing and never flagged
  const source = {
    ...generic,
    findMessages: (scope: ParentNode) => generic.findMessages(scope).filter((el) => el.tagName === 'ARTICLE'),
    info: (el: Element) => ({ ...generic.info(el)!, direction: (el as HTMLElement).dataset.outgoing ? ('outgoing' as const) : ('incoming' as const) }),
  };
  // ?overlay=1 shows the fallback for browsers without the CSS Highlight API (and tests it)
  const forceOverlay = new URLSearchParams(location.search).has('overlay');
  // the demo is our own page (no site can read it): it states how many messages it flagged, for
  // `npm start`'s readiness check (scripts/start/demo-driver.ts); host pages get no such attribute
  const onStats = (stats: { messages: number; flagged: number }) => {
    document.documentElement.dataset.demoMessages = String(stats.messages);
    document.documentElement.dataset.demoFlagged = String(stats.flagged);
  };
  startPageLoop(document, { site: 'demo', source, analyze: batchOf((text, o) => engine.analyze(text, o)), jurisdiction, uiLang, rights, forceOverlay, onStats });
}

void main();
