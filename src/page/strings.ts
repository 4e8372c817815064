/** Visible strings of the in-page UI. Rule titles and explanations come from the rule files. */
import type { Category, Severity, UiLang } from '../engine/types';

const STRINGS = {
  en: {
    marker: (n: number) => `Dunwatch: ${n} problem${n === 1 ? '' : 's'} in this message. Open the explanation.`,
    card: 'Dunwatch: what this message may not say',
    threadMarker: (n: number) => `Dunwatch: ${n} pattern${n === 1 ? '' : 's'} in how this conversation's messages were sent. Open the explanation.`,
    threadCard: 'Dunwatch: when and how often they contacted you',
    close: 'Close',
    law: 'The law',
    rights: 'Your rights and where to complain',
    notAProblem: 'Not a problem here',
    ignoreMessage: 'Ignore in this message',
    ignoreSender: 'Ignore from this sender',
    ignoreRule: 'Turn off this rule on this site',
    reportFalseAlarm: 'Report as a false alarm (research)',
    reported: 'Kept for your research page. Nothing was sent.',
    undo: 'Undo',
    ignored: 'Ignored. Highlights removed.',
    disclaimer: 'Dunwatch gives information, not legal advice.',
    evidenceGroup: 'Evidence locker',
    evidenceSave: 'Save as evidence',
    evidenceSaveThread: 'Save whole thread',
    evidenceSaving: 'Saving to the evidence locker…',
    evidenceSaved: (n: number) => (n === 1 ? 'Saved to the evidence locker.' : `${n} messages saved to the evidence locker.`),
    evidenceNoShot: 'Saved without a screenshot: the message or its tab was not on screen, or the picture could not be taken.',
    evidenceNoShotPermission: 'Saved without a screenshot: the browser allows one only after you right-click the message and choose "Save as evidence", or click the Dunwatch toolbar button on this page.',
    evidencePending: 'Not yet written to disk (storage may be full); it is kept and retried. See the evidence locker.',
    evidenceFailed: (e: string) => `Could not save: ${e}`,
    category: { threat: 'Threat', privacy: 'Privacy', abuse: 'Abusive language', deception: 'Deception', harassment: 'Harassment', unfair: 'Unfair practice' },
    severity: { high: 'serious', medium: 'moderate', low: 'minor' },
  },
  'zh-CN': {
    marker: (n: number) => `催收哨兵：这条消息有${n}处问题。打开说明。`,
    card: '催收哨兵：这条消息中不应出现的内容',
    threadMarker: (n: number) => `催收哨兵：这段对话的联系时间或频率有${n}处值得注意。打开说明。`,
    threadCard: '催收哨兵：对方联系你的时间和频率',
    close: '关闭',
    law: '法律依据',
    rights: '你的权利与投诉渠道',
    notAProblem: '这里没有问题',
    ignoreMessage: '在这条消息中忽略',
    ignoreSender: '忽略此发件人',
    ignoreRule: '在此网站关闭这条规则',
    reportFalseAlarm: '报告为误报（研究）',
    reported: '已保存到你的研究页面，没有发送任何内容。',
    undo: '撤销',
    ignored: '已忽略，标记已移除。',
    disclaimer: '催收哨兵提供信息，不构成法律意见。',
    evidenceGroup: '证据库',
    evidenceSave: '保存为证据',
    evidenceSaveThread: '保存整个对话',
    evidenceSaving: '正在保存到证据库…',
    evidenceSaved: (n: number) => (n === 1 ? '已保存到证据库。' : `已将${n}条消息保存到证据库。`),
    evidenceNoShot: '已保存，但没有截图：消息或其标签页不在屏幕上，或无法截图。',
    evidenceNoShotPermission: '已保存，但没有截图：只有在你右键点击消息并选择“保存为证据”，或在此页面点击催收哨兵工具栏按钮之后，浏览器才允许截图。',
    evidencePending: '尚未写入磁盘（存储空间可能已满）；已保留并会重试。请查看证据库。',
    evidenceFailed: (e: string) => `无法保存：${e}`,
    category: { threat: '威胁', privacy: '隐私', abuse: '辱骂', deception: '欺骗', harassment: '骚扰', unfair: '不公平做法' },
    severity: { high: '严重', medium: '中等', low: '轻微' },
  },
  'zh-TW': {
    marker: (n: number) => `催收哨兵：這則訊息有${n}處問題。打開說明。`,
    card: '催收哨兵：這則訊息中不應出現的內容',
    threadMarker: (n: number) => `催收哨兵：這段對話的聯絡時間或頻率有${n}處值得注意。打開說明。`,
    threadCard: '催收哨兵：對方聯絡你的時間和頻率',
    close: '關閉',
    law: '法律依據',
    rights: '你的權利與申訴管道',
    notAProblem: '這裡沒有問題',
    ignoreMessage: '在這則訊息中忽略',
    ignoreSender: '忽略此寄件人',
    ignoreRule: '在此網站關閉這條規則',
    reportFalseAlarm: '回報為誤報（研究）',
    reported: '已保存到你的研究頁面，沒有傳送任何內容。',
    undo: '復原',
    ignored: '已忽略，標記已移除。',
    disclaimer: '催收哨兵提供資訊，不構成法律意見。',
    evidenceGroup: '證據庫',
    evidenceSave: '儲存為證據',
    evidenceSaveThread: '儲存整段對話',
    evidenceSaving: '正在儲存到證據庫…',
    evidenceSaved: (n: number) => (n === 1 ? '已儲存到證據庫。' : `已將${n}則訊息儲存到證據庫。`),
    evidenceNoShot: '已儲存，但沒有截圖：訊息或其分頁不在螢幕上，或無法截圖。',
    evidenceNoShotPermission: '已儲存，但沒有截圖：只有在你右鍵點按訊息並選擇「儲存為證據」，或在此頁面點按催收哨兵工具列按鈕之後，瀏覽器才允許截圖。',
    evidencePending: '尚未寫入磁碟（儲存空間可能已滿）；已保留並會重試。請查看證據庫。',
    evidenceFailed: (e: string) => `無法儲存：${e}`,
    category: { threat: '威脅', privacy: '隱私', abuse: '辱罵', deception: '欺騙', harassment: '騷擾', unfair: '不公平做法' },
    severity: { high: '嚴重', medium: '中等', low: '輕微' },
  },
} satisfies Record<UiLang, { category: Record<Category, string>; severity: Record<Severity, string> } & Record<string, unknown>>;

export type PageStrings = (typeof STRINGS)['en'];

export function uiLangFor(language: string | undefined): UiLang {
  const l = (language ?? 'en').toLowerCase();
  if (l.startsWith('zh')) return /tw|hk|mo|hant/.test(l) ? 'zh-TW' : 'zh-CN';
  return 'en';
}

export function strings(lang: UiLang): PageStrings {
  return STRINGS[lang] as PageStrings;
}
