/**
 * Complaint drafts (issue #5 item 7): from saved capture records, a pre-filled, plain-text
 * complaint narrative for the chosen jurisdiction's complaint channel, in the user's language
 * (en, zh-CN, zh-TW). Who sent what, when; short exact quotes of the flagged spans; which
 * rules and citations; what the user wants (a placeholder to edit). Clearly a draft for the
 * user to check, not legal advice.
 *
 * Deterministic: the same records, jurisdiction and language always give the same text (no
 * clock, no locale formatting). Pure TypeScript: no DOM, no network.
 *
 * Channels come from ../shared/law/legal-rules.md and rules/law/*.yaml (`rights`); the test
 * checks every URL here against those files, so no link is invented.
 */
import { ownLawIds } from '../engine/law-for';
import type { LawCitation, RulesBundle, UiLang } from '../engine/types';
import type { CaptureRecord } from './record';

type L3 = Record<UiLang, string>;

export interface ComplaintChannel {
  /** e.g. "us.cfpb", "cn.12378" */
  id: string;
  name: string;
  url: string;
  phone?: string;
}

export interface ComplaintDraft {
  /** the draft, plain text, lines joined with "\n" */
  text: string;
  /** where to send it (first) and the other channels the draft names */
  channel: ComplaintChannel;
  others: ComplaintChannel[];
  /** records used (sorted by time); 0 = nothing selected, the text says so */
  count: number;
}

export interface ComplaintOptions {
  /** the rules bundle: localised rule titles and citations, and rule → law for another jurisdiction */
  bundle?: Pick<RulesBundle, 'rules' | 'law'>;
}

interface ChannelDef {
  id: string;
  name: L3;
  url: string;
  phone?: string;
}

interface JurisdictionDef {
  /** the channel the complaint goes to */
  primary: ChannelDef;
  /** other channels named in the "where else" note */
  others: ChannelDef[];
  /** how to send it: first steps, in order */
  how: L3;
  /** extra note (state AG, police …) */
  note?: L3;
  /** US: the CFPB form's own field names as headings */
  cfpb?: boolean;
}

// ---------------------------------------------------------------------------------------------
// channels

const CH = {
  cfpb: { id: 'us.cfpb', name: { en: 'Consumer Financial Protection Bureau (CFPB) complaint form', 'zh-CN': '美国消费者金融保护局（CFPB）投诉表', 'zh-TW': '美國消費者金融保護局（CFPB）投訴表' }, url: 'https://www.consumerfinance.gov/complaint/', phone: '(855) 411-2372' },
  ftc: { id: 'us.ftc', name: { en: 'Federal Trade Commission (FTC) report', 'zh-CN': '美国联邦贸易委员会（FTC）举报', 'zh-TW': '美國聯邦貿易委員會（FTC）檢舉' }, url: 'https://reportfraud.ftc.gov/' },
  dfpi: { id: 'us-ca.dfpi', name: { en: 'California DFPI', 'zh-CN': '加州金融保护与创新局（DFPI）', 'zh-TW': '加州金融保護與創新局（DFPI）' }, url: 'https://dfpi.ca.gov/' },
  maAg: { id: 'us-ma.ag', name: { en: 'Massachusetts Attorney General consumer complaint', 'zh-CN': '马萨诸塞州总检察长办公室消费者投诉', 'zh-TW': '麻薩諸塞州總檢察長辦公室消費者投訴' }, url: 'https://www.mass.gov/how-to/file-a-consumer-complaint' },
  nfra: { id: 'cn.12378', name: { en: 'NFRA consumer complaint hotline 12378', 'zh-CN': '国家金融监督管理总局消费者投诉热线 12378', 'zh-TW': '國家金融監督管理總局消費者投訴熱線 12378' }, url: 'https://www.nfra.gov.cn', phone: '12378' },
  pboc: { id: 'cn.12363', name: { en: 'PBOC financial consumer rights hotline 12363', 'zh-CN': '中国人民银行金融消费权益保护热线 12363', 'zh-TW': '中國人民銀行金融消費權益保護熱線 12363' }, url: 'https://www.pbc.gov.cn', phone: '12363' },
  samr: { id: 'cn.12315', name: { en: 'National 12315 consumer complaint platform (market regulation)', 'zh-CN': '全国 12315 消费者投诉平台（市场监管）', 'zh-TW': '全國 12315 消費者投訴平台（市場監管）' }, url: 'https://www.12315.cn', phone: '12315' },
  police: { id: 'cn.110', name: { en: 'Police 110', 'zh-CN': '报警电话 110', 'zh-TW': '報警電話 110' }, url: 'https://www.mps.gov.cn', phone: '110' },
  fos: { id: 'uk.fos', name: { en: 'Financial Ombudsman Service', 'zh-CN': '英国金融申诉专员服务机构（Financial Ombudsman Service）', 'zh-TW': '英國金融申訴專員服務機構（Financial Ombudsman Service）' }, url: 'https://www.financial-ombudsman.org.uk/consumers/how-to-complain', phone: '0800 023 4567' },
  stepchange: { id: 'uk.stepchange', name: { en: 'StepChange (free advice if you are harassed by creditors)', 'zh-CN': 'StepChange（被债权人骚扰时的免费咨询）', 'zh-TW': 'StepChange（被債權人騷擾時的免費諮詢）' }, url: 'https://stepchange.org/debt-info/your-rights/harassed-by-creditors.aspx' },
  euCsd: { id: 'eu.csd', name: { en: 'Credit Servicers Directive (EU) 2021/2167 (your rights)', 'zh-CN': '《信贷服务商指令》(EU) 2021/2167（你的权利）', 'zh-TW': '《信貸服務商指令》(EU) 2021/2167（你的權利）' }, url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A32021L2167' },
  euDpa: { id: 'eu.dpa', name: { en: 'Data protection authority (example: Ireland\'s DPC)', 'zh-CN': '数据保护机构（示例：爱尔兰数据保护委员会）', 'zh-TW': '資料保護機構（示例：愛爾蘭資料保護委員會）' }, url: 'https://dataprotection.ie/en/faqs/banking-insurance-sector/my-personal-information-has-been-passed-debt-collection-agency-data-protection-issue' },
  rbi: { id: 'in.rbi-cms', name: { en: 'RBI Complaint Management System (Integrated Ombudsman)', 'zh-CN': '印度储备银行投诉管理系统（综合监察专员）', 'zh-TW': '印度儲備銀行投訴管理系統（綜合監察專員）' }, url: 'https://cms.rbi.org.in', phone: '14448' },
  afca: { id: 'au.afca', name: { en: 'Australian Financial Complaints Authority (AFCA)', 'zh-CN': '澳大利亚金融投诉局（AFCA）', 'zh-TW': '澳洲金融投訴局（AFCA）' }, url: 'https://www.afca.org.au', phone: '1800 931 678' },
  accc: { id: 'au.accc', name: { en: 'ACCC Infocentre', 'zh-CN': '澳大利亚竞争与消费者委员会（ACCC）咨询中心', 'zh-TW': '澳洲競爭與消費者委員會（ACCC）諮詢中心' }, url: 'https://www.accc.gov.au', phone: '1300 302 502' },
  fcac: { id: 'ca.fcac', name: { en: 'Financial Consumer Agency of Canada (FCAC)', 'zh-CN': '加拿大金融消费者局（FCAC）', 'zh-TW': '加拿大金融消費者局（FCAC）' }, url: 'https://www.canada.ca/en/financial-consumer-agency.html' },
  ontario: { id: 'ca-on.guide', name: { en: 'Ontario: prohibited practices of collection agencies', 'zh-CN': '安大略省：催收机构的禁止行为', 'zh-TW': '安大略省：催收機構的禁止行為' }, url: 'https://ontario.ca/document/guide-collection-agencies/prohibited-practices-and-conduct' },
  phSec: { id: 'ph.sec', name: { en: 'Securities and Exchange Commission (SEC), for lending and financing companies', 'zh-CN': '菲律宾证券交易委员会（SEC，监管借贷和融资公司）', 'zh-TW': '菲律賓證券交易委員會（SEC，監管借貸和融資公司）' }, url: 'https://www.sec.gov.ph' },
  npc: { id: 'ph.npc', name: { en: 'National Privacy Commission (NPC) complaint', 'zh-CN': '菲律宾国家隐私委员会（NPC）投诉', 'zh-TW': '菲律賓國家隱私委員會（NPC）投訴' }, url: 'https://www.privacy.gov.ph/complaints-main/' },
  ojk: { id: 'id.ojk157', name: { en: 'OJK consumer portal (Kontak OJK 157)', 'zh-CN': '印尼金融服务管理局（OJK）消费者投诉平台（Kontak OJK 157）', 'zh-TW': '印尼金融服務管理局（OJK）消費者投訴平台（Kontak OJK 157）' }, url: 'https://kontak157.ojk.go.id', phone: '157' },
  ojkWa: { id: 'id.ojk-wa', name: { en: 'OJK WhatsApp', 'zh-CN': 'OJK WhatsApp', 'zh-TW': 'OJK WhatsApp' }, url: 'https://www.ojk.go.id', phone: '081-157-157-157' },
  hkma: { id: 'hk.hkma', name: { en: 'Hong Kong Monetary Authority (HKMA): complaints about banks', 'zh-CN': '香港金融管理局（HKMA）：投诉银行', 'zh-TW': '香港金融管理局（HKMA）：投訴銀行' }, url: 'https://www.hkma.gov.hk/eng/smart-consumers/personal-credit/' },
  fsc: { id: 'tw.fsc', name: { en: 'Financial Supervisory Commission (FSC)', 'zh-CN': '金融监督管理委员会（金管会）', 'zh-TW': '金融監督管理委員會（金管會）' }, url: 'https://www.fsc.gov.tw' },
} satisfies Record<string, ChannelDef>;

const JURISDICTIONS: Record<string, JurisdictionDef> = {
  us: {
    primary: CH.cfpb,
    others: [CH.ftc],
    cfpb: true,
    how: {
      en: 'Submit it on the CFPB complaint form (or by phone). Choose "Debt collection"; the sections below follow the form: what happened, dates, company, and what you think would be a fair resolution.',
      'zh-CN': '通过 CFPB 投诉表（或电话）提交。类别选择“债务催收”；下面各部分与表格对应：发生了什么、日期、公司，以及你认为公平的解决方式。',
      'zh-TW': '透過 CFPB 投訴表（或電話）提交。類別選擇「債務催收」；下面各部分與表格對應：發生了什麼、日期、公司，以及你認為公平的解決方式。',
    },
    note: {
      en: 'You can also send the same account to your state attorney general\'s consumer protection office, and report it to the FTC.',
      'zh-CN': '你也可以把同样的内容寄给你所在州总检察长的消费者保护部门，并向 FTC 举报。',
      'zh-TW': '你也可以把同樣的內容寄給你所在州總檢察長的消費者保護部門，並向 FTC 檢舉。',
    },
  },
  cn: {
    primary: CH.nfra,
    others: [CH.pboc, CH.samr, CH.police],
    how: {
      en: 'Banks, consumer-finance companies and their collectors: call 12378 or use the NFRA website. Problems with payments or credit reporting: PBOC 12363. A company that is not a licensed lender (some collection firms and lending platforms): 12315.',
      'zh-CN': '银行、消费金融公司及其委托的催收机构：拨打 12378 或通过国家金融监督管理总局网站投诉。涉及支付或征信的问题：中国人民银行 12363。非持牌放贷机构（部分催收公司和借贷平台）：12315。',
      'zh-TW': '銀行、消費金融公司及其委託的催收機構：撥打 12378 或透過國家金融監督管理總局網站投訴。涉及支付或徵信的問題：中國人民銀行 12363。非持牌放貸機構（部分催收公司和借貸平台）：12315。',
    },
    note: {
      en: 'Threats of violence, extortion or publishing your private information can also be reported to the police (110).',
      'zh-CN': '以暴力相威胁、敲诈勒索或公开你的隐私信息，也可以报警（110）。',
      'zh-TW': '以暴力相威脅、敲詐勒索或公開你的隱私資訊，也可以報警（110）。',
    },
  },
  uk: {
    primary: CH.fos,
    others: [CH.stepchange],
    how: {
      en: 'First send this complaint to the firm itself. If it does not resolve it within 8 weeks, or you disagree with its final response, take it to the Financial Ombudsman Service (free).',
      'zh-CN': '先把这份投诉发给该公司本身。如果它在 8 周内未解决，或你不同意其最终答复，可以免费向英国金融申诉专员服务机构投诉。',
      'zh-TW': '先把這份申訴寄給該公司本身。如果它在 8 週內未解決，或你不同意其最終答覆，可以免費向英國金融申訴專員服務機構申訴。',
    },
  },
  eu: {
    primary: CH.euDpa,
    others: [CH.euCsd],
    how: {
      en: 'First complain to the creditor or credit servicer. Then contact your country\'s financial regulator or consumer body; where your data was shared with family, employer or contacts, also your national data protection authority.',
      'zh-CN': '先向债权人或信贷服务商投诉。然后联系你所在国家的金融监管机构或消费者组织；如果你的信息被透露给家人、雇主或联系人，也可以向本国的数据保护机构投诉。',
      'zh-TW': '先向債權人或信貸服務商申訴。然後聯絡你所在國家的金融監管機構或消費者組織；如果你的資訊被透露給家人、雇主或聯絡人，也可以向本國的資料保護機構申訴。',
    },
  },
  in: {
    primary: CH.rbi,
    others: [],
    how: {
      en: 'First complain to the lender\'s grievance or nodal officer. If there is no reply within 30 days, or you are not satisfied, complain to the RBI Integrated Ombudsman (online or 14448).',
      'zh-CN': '先向贷款机构的申诉官或联络官投诉。如果 30 天内没有答复，或你对答复不满意，可向印度储备银行综合监察专员投诉（网上或拨打 14448）。',
      'zh-TW': '先向貸款機構的申訴官或聯絡官申訴。如果 30 天內沒有答覆，或你對答覆不滿意，可向印度儲備銀行綜合監察專員申訴（線上或撥打 14448）。',
    },
  },
  au: {
    primary: CH.afca,
    others: [CH.accc],
    how: {
      en: 'First complain to the lender or collector (its internal dispute resolution). If that does not resolve it, complain to AFCA (free).',
      'zh-CN': '先向贷款机构或催收方投诉（其内部争议处理程序）。如果未能解决，可免费向澳大利亚金融投诉局（AFCA）投诉。',
      'zh-TW': '先向貸款機構或催收方申訴（其內部爭議處理程序）。如果未能解決，可免費向澳洲金融投訴局（AFCA）申訴。',
    },
  },
  ca: {
    primary: CH.fcac,
    others: [CH.ontario],
    how: {
      en: 'First complain to the company. Banks and other federally regulated lenders: the Financial Consumer Agency of Canada. Collection agencies are licensed by your province: send it to the provincial consumer protection office.',
      'zh-CN': '先向该公司投诉。银行和其他受联邦监管的贷款机构：加拿大金融消费者局。催收机构由省政府发牌照：请寄给你所在省的消费者保护部门。',
      'zh-TW': '先向該公司申訴。銀行和其他受聯邦監管的貸款機構：加拿大金融消費者局。催收機構由省政府核發執照：請寄給你所在省的消費者保護部門。',
    },
  },
  ph: {
    primary: CH.phSec,
    others: [CH.npc],
    how: {
      en: 'Lending and financing companies and their collectors: complain to the SEC. If your contacts were messaged or your data was shared, also complain to the National Privacy Commission.',
      'zh-CN': '借贷和融资公司及其催收方：向菲律宾证券交易委员会投诉。如果有人给你的联系人发消息或你的信息被泄露，也可以向国家隐私委员会投诉。',
      'zh-TW': '借貸和融資公司及其催收方：向菲律賓證券交易委員會申訴。如果有人傳訊息給你的聯絡人或你的資訊被洩露，也可以向國家隱私委員會申訴。',
    },
  },
  id: {
    primary: CH.ojk,
    others: [CH.ojkWa],
    how: {
      en: 'Complain to OJK through Kontak OJK 157 (phone 157, the portal or WhatsApp). If the lender is not licensed, report it to the police as well.',
      'zh-CN': '通过 Kontak OJK 157 向印尼金融服务管理局投诉（电话 157、网上平台或 WhatsApp）。如果放贷方没有牌照，也可以报警。',
      'zh-TW': '透過 Kontak OJK 157 向印尼金融服務管理局申訴（電話 157、線上平台或 WhatsApp）。如果放貸方沒有執照，也可以報警。',
    },
  },
  hk: {
    primary: CH.hkma,
    others: [],
    how: {
      en: 'First complain to the bank that hired the collector. If it does not resolve it, complain to the HKMA. Threats or violence: call the police.',
      'zh-CN': '先向委托收数公司的银行投诉。如果未能解决，可向香港金融管理局投诉。遇到恐吓或暴力：请报警。',
      'zh-TW': '先向委託收數公司的銀行投訴。如果未能解決，可向香港金融管理局投訴。遇到恐嚇或暴力：請報警。',
    },
  },
  tw: {
    primary: CH.fsc,
    others: [],
    how: {
      en: 'First complain to the bank that hired the collector. If it does not resolve it, complain to the Financial Supervisory Commission. Threats or violence: call the police.',
      'zh-CN': '先向委托催收的银行投诉。如果未能解决，可向金融监督管理委员会投诉。遇到恐吓或暴力：请报警。',
      'zh-TW': '先向委託催收的銀行申訴。如果未能解決，可向金融監督管理委員會陳情。遇到恐嚇或暴力：請報警。',
    },
  },
};

/** State and provincial channels added to their country's draft. */
const SUB_JURISDICTIONS: Record<string, ChannelDef> = { 'us-ca': CH.dfpi, 'us-ma': CH.maAg, 'ca-on': CH.ontario };

export const COMPLAINT_JURISDICTIONS = Object.keys(JURISDICTIONS);

// ---------------------------------------------------------------------------------------------
// wording

const T = {
  en: {
    header: 'DRAFT FOR YOU TO CHECK — NOT LEGAL ADVICE',
    headerNote: 'Dunwatch prepared this from the messages you saved. The flagged passages were found automatically and may be wrong or incomplete. Check every name, date and quote against the original messages, change anything that is not right, and add what only you know (the account, what you owe or dispute, calls and letters).',
    sendTo: 'Where to send it',
    how: 'How',
    phone: 'phone',
    alsoChannels: 'Other places that may help',
    company: 'Company',
    who: 'Who contacted me',
    whatHappened: 'What happened',
    dates: 'Dates',
    rules: 'Rules these messages may break',
    want: 'What I want',
    wantCfpb: 'What do you think would be a fair resolution to your issue?',
    wantPlaceholder: '[Write what you want, for example: that the messages stop, that they contact only me and only in writing, that they correct the amount, that they delete what they posted, an apology or compensation.]',
    companyPlaceholder: '[Name of the company collecting the debt, and the creditor if different]',
    summary: (n: number, senders: string, from: string, to: string) =>
      n === 1 ? `On ${from} I received a message from ${senders} about a debt.` : `Between ${from} and ${to} I received ${n} messages from ${senders} about a debt.`,
    flaggedIntro: 'The messages, with the passages I object to quoted exactly:',
    message: 'Message',
    reply: 'My reply',
    from: 'from',
    subject: 'subject',
    shownAs: 'shown as',
    timeUnknown: 'time not recorded; saved',
    noFlag: '(no passage flagged in this message)',
    pasted: 'pasted by me; my note',
    first: 'First message',
    last: 'Last message',
    messagesList: 'messages',
    noCitation: 'no citation for this jurisdiction in Dunwatch\'s notes',
    unknownSender: 'an unknown sender',
    none: 'No messages were selected. Select the saved messages you want to complain about, then make the draft again.',
    and: 'and',
    ellipsis: '…',
    colon: ': ',
    comma: ', ',
    open: ' (',
    close: ')',
    pastedSite: 'pasted message',
  },
  'zh-CN': {
    header: '草稿，请你核对——不构成法律意见',
    headerNote: '本草稿由催收哨兵根据你保存的消息生成。标出的内容是自动识别的，可能有错误或遗漏。请对照原始消息逐一核对姓名、日期和引文，修改不准确之处，并补充只有你知道的情况（账户、欠款或争议金额、电话和信件等）。',
    sendTo: '投诉渠道',
    how: '怎么投诉',
    phone: '电话',
    alsoChannels: '其他可以求助的渠道',
    company: '公司',
    who: '联系我的人',
    whatHappened: '事情经过',
    dates: '日期',
    rules: '这些消息可能违反的规定',
    want: '我的诉求',
    wantCfpb: '你认为怎样的解决方式是公平的？',
    wantPlaceholder: '［写下你的诉求，例如：停止发送此类消息；只联系我本人且只以书面方式联系；更正金额；删除已发布的内容；道歉或赔偿。］',
    companyPlaceholder: '［催收公司名称；如债权人不同，也写上债权人名称］',
    summary: (n: number, senders: string, from: string, to: string) =>
      n === 1 ? `${from}，我收到${senders}发来的一条催收消息。` : `${from}至${to}期间，我收到${senders}发来的${n}条催收消息。`,
    flaggedIntro: '以下是这些消息，我认为有问题的内容按原文引用：',
    message: '消息',
    reply: '我的回复',
    from: '发送者',
    subject: '主题',
    shownAs: '页面显示为',
    timeUnknown: '未记录发送时间；保存于',
    noFlag: '（本条消息没有标出的内容）',
    pasted: '由我粘贴；我的备注',
    first: '第一条消息',
    last: '最后一条消息',
    messagesList: '消息',
    noCitation: '催收哨兵的资料中没有该地区的对应条文',
    unknownSender: '未知发送者',
    none: '没有选择任何消息。请选择你要投诉的已保存消息，然后重新生成草稿。',
    and: '和',
    ellipsis: '……',
    colon: '：',
    comma: '，',
    open: '（',
    close: '）',
    pastedSite: '粘贴的消息',
  },
  'zh-TW': {
    header: '草稿，請你核對——不構成法律意見',
    headerNote: '本草稿由催收哨兵根據你儲存的訊息產生。標出的內容是自動識別的，可能有錯誤或遺漏。請對照原始訊息逐一核對姓名、日期和引文，修改不準確之處，並補充只有你知道的情況（帳戶、欠款或爭議金額、電話和信件等）。',
    sendTo: '申訴管道',
    how: '怎麼申訴',
    phone: '電話',
    alsoChannels: '其他可以求助的管道',
    company: '公司',
    who: '聯絡我的人',
    whatHappened: '事情經過',
    dates: '日期',
    rules: '這些訊息可能違反的規定',
    want: '我的訴求',
    wantCfpb: '你認為怎樣的解決方式是公平的？',
    wantPlaceholder: '［寫下你的訴求，例如：停止傳送此類訊息；只聯絡我本人且只以書面方式聯絡；更正金額；刪除已發布的內容；道歉或賠償。］',
    companyPlaceholder: '［催收公司名稱；如債權人不同，也寫上債權人名稱］',
    summary: (n: number, senders: string, from: string, to: string) =>
      n === 1 ? `${from}，我收到${senders}傳來的一則催收訊息。` : `${from}至${to}期間，我收到${senders}傳來的${n}則催收訊息。`,
    flaggedIntro: '以下是這些訊息，我認為有問題的內容按原文引用：',
    message: '訊息',
    reply: '我的回覆',
    from: '傳送者',
    subject: '主旨',
    shownAs: '頁面顯示為',
    timeUnknown: '未記錄傳送時間；儲存於',
    noFlag: '（本則訊息沒有標出的內容）',
    pasted: '由我貼上；我的備註',
    first: '第一則訊息',
    last: '最後一則訊息',
    messagesList: '訊息',
    noCitation: '催收哨兵的資料中沒有該地區的對應條文',
    unknownSender: '未知傳送者',
    none: '沒有選擇任何訊息。請選擇你要申訴的已儲存訊息，然後重新產生草稿。',
    and: '和',
    ellipsis: '……',
    colon: '：',
    comma: '，',
    open: '（',
    close: '）',
    pastedSite: '貼上的訊息',
  },
} satisfies Record<UiLang, unknown>;

/** Longest quote kept whole; longer flagged spans are cut with an ellipsis. */
export const MAX_QUOTE = 280;
/** How much of one of the user's own replies is quoted. */
const MAX_REPLY = 200;

// ---------------------------------------------------------------------------------------------
// helpers

function baseJurisdiction(j: string): string {
  const l = j.toLowerCase();
  return JURISDICTIONS[l] ? l : (l.split('-')[0] ?? l);
}

/** The jurisdiction's definition; unknown ids fall back to the US (the form is the most complete). */
function defFor(j: string): JurisdictionDef {
  return JURISDICTIONS[baseJurisdiction(j)] ?? JURISDICTIONS.us!;
}

function channelOf(c: ChannelDef, lang: UiLang): ComplaintChannel {
  return { id: c.id, name: c.name[lang], url: c.url, ...(c.phone ? { phone: c.phone } : {}) };
}

/** The channel a draft for this jurisdiction goes to (for the component's link). */
export function complaintChannel(jurisdiction: string, lang: UiLang): ComplaintChannel {
  return channelOf(defFor(jurisdiction).primary, lang);
}

/** Every URL a draft can name, for the test that checks them against the law notes. */
export function allChannelUrls(): string[] {
  return [...new Set(Object.values(CH).map((c) => c.url))];
}

/** "2026-11-20 03:02 UTC" from an ISO time; deterministic (no locale). */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function sortKey(r: CaptureRecord): string {
  return r.sentAt.iso ?? r.capturedAt;
}

/** One line: collapse whitespace so a quote never breaks the layout. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function quote(s: string, lang: UiLang, max: number): string {
  const flat = oneLine(s);
  const cut = flat.length > max ? flat.slice(0, max).trimEnd() + T[lang].ellipsis : flat;
  return lang === 'en' ? `"${cut}"` : `“${cut}”`;
}

function senderLabel(r: CaptureRecord, lang: UiLang): string {
  const { name, address } = r.sender;
  if (name && address && name !== address) return `${name} <${address}>`;
  return name ?? address ?? T[lang].unknownSender;
}

function joinList(items: string[], lang: UiLang): string {
  if (items.length <= 1) return items[0] ?? '';
  if (lang !== 'en') return items.slice(0, -1).join('、') + T[lang].and + items[items.length - 1];
  return items.length === 2 ? `${items[0]} and ${items[1]}` : `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

function when(r: CaptureRecord, lang: UiLang): string {
  const t = T[lang];
  const shown = r.sentAt.shown ? oneLine(r.sentAt.shown) : null;
  if (r.sentAt.iso) return shown ? `${utc(r.sentAt.iso)}${t.open}${t.shownAs} ${quote(shown, lang, 80)}${t.close}` : utc(r.sentAt.iso);
  if (shown) return `${t.shownAs} ${quote(shown, lang, 80)}`;
  return `${t.timeUnknown} ${utc(r.capturedAt)}`;
}

function day(r: CaptureRecord, lang: UiLang): string {
  if (r.sentAt.iso) return r.sentAt.iso.slice(0, 10);
  if (r.sentAt.shown) return quote(r.sentAt.shown, lang, 80);
  return r.capturedAt.slice(0, 10);
}

const SITE_NAMES: Record<string, string> = {
  gmail: 'Gmail', outlook: 'Outlook', 'yahoo-mail': 'Yahoo Mail', 'proton-mail': 'Proton Mail', 'qq-mail': 'QQ Mail', 'netease-mail': 'NetEase Mail',
  whatsapp: 'WhatsApp', telegram: 'Telegram', messenger: 'Messenger', instagram: 'Instagram', x: 'X', linkedin: 'LinkedIn', weibo: 'Weibo',
  'google-messages': 'Google Messages',
};

// ---------------------------------------------------------------------------------------------
// the draft

/**
 * The complaint draft for `records` (any order; sorted by sent time) in `jurisdiction`
 * (us, cn, uk, eu, in, au, ca, ph, id, hk, tw, or a state/province such as us-ca, ca-on).
 */
export function buildComplaint(records: readonly CaptureRecord[], jurisdiction: string, lang: UiLang, opts: ComplaintOptions = {}): ComplaintDraft {
  const t = T[lang];
  const def = defFor(jurisdiction);
  const sub = SUB_JURISDICTIONS[jurisdiction.toLowerCase()];
  const channel = channelOf(def.primary, lang);
  const others = [...(sub ? [sub] : []), ...def.others].map((c) => channelOf(c, lang));
  const lines: string[] = [];
  const heading = (h: string) => lines.push('', `== ${h} ==`);

  lines.push(t.header, '', t.headerNote);
  heading(t.sendTo);
  lines.push(channel.name, channel.url + (channel.phone ? ` · ${t.phone} ${channel.phone}` : ''));
  lines.push('', `${t.how}${t.colon}${def.how[lang]}`);
  if (def.note) lines.push(def.note[lang]);
  if (others.length) {
    lines.push('', `${t.alsoChannels}${t.colon.trimEnd()}`);
    for (const o of others) lines.push(`- ${o.name}${t.colon}${o.url}${o.phone ? ` · ${t.phone} ${o.phone}` : ''}`);
  }

  const sorted = [...records].sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.id.localeCompare(b.id));
  if (!sorted.length) {
    lines.push('', t.none);
    return { text: lines.join('\n') + '\n', channel, others, count: 0 };
  }

  const incoming = sorted.filter((r) => r.direction !== 'outgoing');
  const senders = [...new Set(incoming.map((r) => senderLabel(r, lang)))];
  const senderNames = [...new Set(incoming.map((r) => r.sender.name ?? r.sender.address ?? t.unknownSender))];
  const first = incoming[0] ?? sorted[0]!;
  const last = incoming[incoming.length - 1] ?? sorted[sorted.length - 1]!;

  // rule → law ids in this jurisdiction, and the citation texts, numbered by message
  const rulesById = new Map(opts.bundle?.rules.map((r) => [r.id, r]) ?? []);
  const citeUse = new Map<string, { title: string; url: string; messages: Set<number> }>();
  const ruleTitle = (f: CaptureRecord['findings'][number]) => rulesById.get(f.rule)?.title[lang] ?? f.title;

  const body: string[] = [];
  sorted.forEach((r, i) => {
    const n = i + 1;
    const mine = r.direction === 'outgoing';
    const site = r.site === 'pasted' ? t.pastedSite : (SITE_NAMES[r.site] ?? r.site);
    const where = [site, mine ? null : `${t.from} ${senderLabel(r, lang)}`, r.subject ? `${t.subject} ${quote(r.subject, lang, 120)}` : null].filter(Boolean).join(t.comma);
    body.push('', `${mine ? t.reply : t.message} ${n}. ${when(r, lang)} — ${where}`);
    if (r.source === 'pasted' && r.note) body.push(`   ${t.open.trim()}${t.pasted}${t.colon}${oneLine(r.note)}${t.close}`);
    if (mine) {
      body.push(`   ${quote(r.text, lang, MAX_REPLY)}`);
      return;
    }
    if (!r.findings.length) body.push(`   ${t.noFlag}`);
    const byStart = [...r.findings].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const f of byStart) {
      const exact = r.text.slice(f.start, f.end) || f.excerpt;
      body.push(`   - ${quote(exact, lang, MAX_QUOTE)} — ${ruleTitle(f)}`);
      const rule = rulesById.get(f.rule);
      const ids = ownLawIds(rule ? rule.law : f.law, jurisdiction);
      for (const id of ids) {
        const c: LawCitation | undefined = opts.bundle?.law[id];
        const rc = f.citations.find((x) => x.id === id);
        const entry = citeUse.get(id) ?? { title: c?.title[lang] ?? rc?.title ?? id, url: c?.url ?? rc?.url ?? '', messages: new Set<number>() };
        entry.messages.add(n);
        citeUse.set(id, entry);
      }
      if (!ids.length) {
        const key = `-${f.rule}`;
        const entry = citeUse.get(key) ?? { title: `${ruleTitle(f)}${t.open}${t.noCitation}${t.close}`, url: '', messages: new Set<number>() };
        entry.messages.add(n);
        citeUse.set(key, entry);
      }
    }
  });

  const summary = t.summary(incoming.length || sorted.length, joinList(senderNames, lang), day(first, lang), day(last, lang));

  if (def.cfpb) {
    heading(t.whatHappened);
    lines.push(summary, '', t.flaggedIntro, ...body);
    heading(t.dates);
    lines.push(`${t.first}${t.colon}${when(first, lang)}`, `${t.last}${t.colon}${when(last, lang)}`);
    heading(t.company);
    lines.push(...(senders.length ? senders : [t.unknownSender]), t.companyPlaceholder);
  } else {
    heading(t.who);
    lines.push(...(senders.length ? senders : [t.unknownSender]), t.companyPlaceholder);
    heading(t.dates);
    lines.push(`${t.first}${t.colon}${when(first, lang)}`, `${t.last}${t.colon}${when(last, lang)}`);
    heading(t.whatHappened);
    lines.push(summary, '', t.flaggedIntro, ...body);
  }

  heading(t.rules);
  // citations first (by id), then flagged rules with no citation here
  const cites = [...citeUse.entries()].sort(([a], [b]) => Number(a.startsWith('-')) - Number(b.startsWith('-')) || a.localeCompare(b));
  for (const [, c] of cites) {
    const nums = [...c.messages].sort((a, b) => a - b).join(', ');
    lines.push(`- ${c.title}${c.url ? ` — ${c.url}` : ''}${t.open}${t.messagesList} ${nums}${t.close}`);
  }
  if (!cites.length) lines.push(`- ${t.noFlag}`);

  heading(def.cfpb ? t.wantCfpb : t.want);
  lines.push(t.wantPlaceholder);
  return { text: lines.join('\n') + '\n', channel, others, count: sorted.length };
}
