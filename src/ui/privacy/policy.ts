/**
 * The privacy policy, in the interface languages: exactly what Dunwatch reads, keeps and never
 * sends. One source for the extension's privacy page (Privacy.tsx) and docs/privacy.md (the
 * English text, checked by privacy.test.ts: regenerate with `npx tsx src/ui/privacy/write-md.ts`).
 * Keep it true: a new permission, storage item or stored field changes this text.
 */
import type { UiLang } from '../../engine/types';

export interface Policy {
  title: string;
  intro: string;
  /** [heading, items] */
  sections: [string, string[]][];
}

export const POLICY: Record<UiLang, Policy> = {
  en: {
    "title": "Dunwatch privacy policy",
    "intro": "Dunwatch runs entirely in your browser. It collects no data: nothing it reads, finds or stores is sent to the developers or to anyone else. This page says exactly what it reads, what it keeps on your device, and what it never sends.",
    "sections": [
      [
        "What Dunwatch reads",
        [
          "On the supported sites (Gmail, Outlook, Yahoo Mail, Proton Mail, QQ Mail, 163/126 Mail, Messenger, Instagram, X, LinkedIn, WhatsApp Web, Telegram Web, Google Messages, Weibo): the messages shown on the page, i.e. their text, sender, time, subject or conversation, and whether you sent them. It reads them to check them on your device; it reads nothing else on those pages.",
          "Any other page only when you ask: the toolbar button's \"Scan this page\" or the right-click menu, which grant access to that one tab for that one time (activeTab).",
          "What you paste or type into the popup's check box, or into the welcome page's sample.",
          "A screenshot of the visible tab, only when you save a message as evidence on a page you granted access to."
        ]
      ],
      [
        "What it keeps on your device",
        [
          "Settings: jurisdiction, interface language, time zone, which sites and rules are on. These are in the browser's sync storage: if you have turned on your browser's own sync, the browser copies them to your other signed-in devices. They hold no message text.",
          "Your custom rules, your \"not a problem here\" choices (which name senders), your work addresses and the research opt-in: in the browser's local storage on this device.",
          "The findings of each open tab, for the popup and side panel: in session storage, removed when the tab closes or the browser quits.",
          "The evidence locker: the messages you chose to save, with their findings, screenshots and hash chain, and the key that signs your exports: in IndexedDB on this device, until you delete them or remove the extension.",
          "Research samples, only if you switched research on: redacted, in local storage, until you save them to a file or delete them."
        ]
      ],
      [
        "What it never sends",
        [
          "Dunwatch makes no network requests. No message text, finding, screenshot, setting, evidence, identifier or usage statistic is sent anywhere, to the developers or to third parties. There are no analytics, no ads and no remote code.",
          "Links to laws, regulators and complaint channels are ordinary links: they open only when you click them.",
          "Something leaves your device only when you take it out yourself: an evidence export (a zip file), a research file or a complaint draft that you save and pass on."
        ]
      ],
      [
        "Permissions and why",
        [
          "Read the supported sites: to check the messages they show (content scripts on those sites only).",
          "activeTab and scripting: to scan a page you choose, once, when you ask.",
          "storage: for the settings and tab findings above. unlimitedStorage: so the browser does not refuse or drop an evidence capture when the locker grows past its usual quota. contextMenus: the right-click items. sidePanel: the findings side panel."
        ]
      ],
      [
        "Removing your data",
        [
          "Delete records in the evidence locker, or clear everything by removing the extension: the browser then deletes its storage and IndexedDB."
        ]
      ]
    ]
  },
  'zh-CN': {
    "title": "催收哨兵隐私政策",
    "intro": "催收哨兵完全在你的浏览器中运行，不收集任何数据：它读取、发现或保存的任何内容都不会发送给开发者或任何其他人。本页准确说明它读取什么、在你的设备上保存什么，以及永远不会发送什么。",
    "sections": [
      [
        "催收哨兵读取什么",
        [
          "在支持的网站上（Gmail、Outlook、Yahoo 邮箱、Proton 邮箱、QQ 邮箱、163/126 邮箱、Messenger、Instagram、X、LinkedIn、WhatsApp 网页版、Telegram 网页版、Google 信息、微博）：页面上显示的消息，即正文、发送者、时间、主题或会话，以及是否是你发出的。读取它们只为在你的设备上检查；不读取这些页面上的其他内容。",
          "其他页面只在你要求时读取：工具栏按钮的“扫描此页面”或右键菜单，只对这一个标签页、这一次授权（activeTab）。",
          "你在弹出窗口的检查框或欢迎页面示例中粘贴或输入的内容。",
          "可见标签页的截图：只在你把消息保存为证据、且该页面已授权时。"
        ]
      ],
      [
        "在你的设备上保存什么",
        [
          "设置：地区、界面语言、时区、启用的网站和规则。保存在浏览器的同步存储中：如果你开启了浏览器自身的同步，浏览器会把它们复制到你登录的其他设备。其中不含任何消息正文。",
          "你的自定义规则、“这里不算问题”的选择（包含发送者）、工作地址和研究功能的开关：保存在本设备浏览器的本地存储中。",
          "每个打开的标签页的检查结果（供弹出窗口和侧边栏使用）：保存在会话存储中，标签页关闭或浏览器退出时删除。",
          "证据保管箱：你选择保存的消息及其检查结果、截图和哈希链，以及为导出签名的密钥：保存在本设备的 IndexedDB 中，直到你删除它们或移除扩展。",
          "研究样本：只在你开启研究功能后，经过脱敏，保存在本地存储中，直到你保存为文件或删除。"
        ]
      ],
      [
        "永远不会发送什么",
        [
          "催收哨兵不发出任何网络请求。消息正文、检查结果、截图、设置、证据、标识符或使用统计都不会发送到任何地方，不会发给开发者，也不会发给第三方。没有统计分析、没有广告、没有远程代码。",
          "指向法律、监管机构和投诉渠道的链接是普通链接：只在你点击时打开。",
          "只有你自己导出的内容才会离开你的设备：你保存并转交的证据导出（zip 文件）、研究文件或投诉草稿。"
        ]
      ],
      [
        "权限及用途",
        [
          "读取支持的网站：检查这些网站显示的消息（内容脚本只在这些网站上运行）。",
          "activeTab 和 scripting：在你要求时，对你选择的页面扫描一次。",
          "storage：保存上述设置和标签页检查结果。unlimitedStorage：证据柜超过浏览器的一般配额时，也不会拒绝或丢失保存的证据。contextMenus：右键菜单项。sidePanel：检查结果侧边栏。"
        ]
      ],
      [
        "删除你的数据",
        [
          "在证据保管箱中删除记录，或移除扩展以清除全部数据：浏览器随后会删除它的存储和 IndexedDB。"
        ]
      ]
    ]
  },
  'zh-TW': {
    "title": "催收哨兵隱私政策",
    "intro": "催收哨兵完全在你的瀏覽器中執行，不收集任何資料：它讀取、發現或儲存的任何內容都不會發送給開發者或任何其他人。本頁準確說明它讀取什麼、在你的裝置上儲存什麼，以及永遠不會發送什麼。",
    "sections": [
      [
        "催收哨兵讀取什麼",
        [
          "在支援的網站上（Gmail、Outlook、Yahoo 郵箱、Proton 郵箱、QQ 郵箱、163/126 郵箱、Messenger、Instagram、X、LinkedIn、WhatsApp 網頁版、Telegram 網頁版、Google 資訊、微博）：頁面上顯示的訊息，即正文、傳送者、時間、主題或會話，以及是否是你發出的。讀取它們只為在你的裝置上檢查；不讀取這些頁面上的其他內容。",
          "其他頁面只在你要求時讀取：工具欄按鈕的“掃描此頁面”或右鍵選單，只對這一個標籤頁、這一次授權（activeTab）。",
          "你在彈出視窗的檢查框或歡迎頁面示例中貼上或輸入的內容。",
          "可見標籤頁的截圖：只在你把訊息儲存為證據、且該頁面已授權時。"
        ]
      ],
      [
        "在你的裝置上儲存什麼",
        [
          "設定：地區、介面語言、時區、啟用的網站和規則。儲存在瀏覽器的同步儲存中：如果你開啟了瀏覽器自身的同步，瀏覽器會把它們複製到你登入的其他裝置。其中不含任何訊息正文。",
          "你的自定義規則、“這裡不算問題”的選擇（包含傳送者）、工作地址和研究功能的開關：儲存在本裝置瀏覽器的本地儲存中。",
          "每個開啟的標籤頁的檢查結果（供彈出視窗和側邊欄使用）：儲存在會話儲存中，標籤頁關閉或瀏覽器退出時刪除。",
          "證據保管箱：你選擇儲存的訊息及其檢查結果、截圖和雜湊鏈，以及為匯出簽名的金鑰：儲存在本裝置的 IndexedDB 中，直到你刪除它們或移除擴充套件。",
          "研究樣本：只在你開啟研究功能後，經過脫敏，儲存在本地儲存中，直到你儲存為檔案或刪除。"
        ]
      ],
      [
        "永遠不會發送什麼",
        [
          "催收哨兵不發出任何網路請求。訊息正文、檢查結果、截圖、設定、證據、識別符號或使用統計都不會發送到任何地方，不會發給開發者，也不會發給第三方。沒有統計分析、沒有廣告、沒有遠端程式碼。",
          "指向法律、監管機構和投訴渠道的連結是普通連結：只在你點選時開啟。",
          "只有你自己匯出的內容才會離開你的裝置：你儲存並轉交的證據匯出（zip 檔案）、研究檔案或投訴草稿。"
        ]
      ],
      [
        "許可權及用途",
        [
          "讀取支援的網站：檢查這些網站顯示的訊息（內容指令碼只在這些網站上執行）。",
          "activeTab 和 scripting：在你要求時，對你選擇的頁面掃描一次。",
          "storage：儲存上述設定和標籤頁檢查結果。unlimitedStorage：證據櫃超過瀏覽器的一般配額時，也不會拒絕或丟失儲存的證據。contextMenus：右鍵選單項。sidePanel：檢查結果側邊欄。"
        ]
      ],
      [
        "刪除你的資料",
        [
          "在證據保管箱中刪除記錄，或移除擴充套件以清除全部資料：瀏覽器隨後會刪除它的儲存和 IndexedDB。"
        ]
      ]
    ]
  },
};

/** The policy as Markdown (docs/privacy.md holds the English one). */
export function policyMarkdown(p: Policy): string {
  return [`# ${p.title}`, '', p.intro, ...p.sections.flatMap(([h, items]) => ['', `## ${h}`, '', ...items.map((i) => `- ${i}`)]), ''].join('\n');
}
