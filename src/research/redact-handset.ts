/**
 * A hand-written redaction test set, written before the detectors for these types and not
 * generated from their patterns: identifiers in the shapes people write them in messages,
 * complaints and e-mail signatures (separators, labels before them, punctuation after,
 * mixed scripts), from the formats the issuing bodies document. Each item lists the exact
 * values that must end up inside redacted spans, with the type we expect. Real-looking values
 * are the issuers' own published examples or made-up numbers with valid check digits; none is
 * a real person's.
 *
 * `redact-measure.ts` reports recall per type on it; `redact.test.ts` holds it to the
 * recall measured when the detectors were written (see the numbers in the test).
 *
 * HANDSET was written first and the detectors were then fixed against its misses, so it is
 * a regression set, not an unbiased measure. HELDOUT was written after the detectors, in
 * other shapes and words, and measured once without changing a detector for it: its recall
 * is the honest estimate (and its misses are listed in the test, not fixed).
 */
import type { PiiType } from './redact';

export interface HandItem {
  text: string;
  values: [string, PiiType][];
}

export const HANDSET: HandItem[] = [
  // US Social Security numbers
  { text: 'Our records list your SSN as 123-45-6789. Call to verify.', values: [['123-45-6789', 'ID']] },
  { text: 'Social Security No: 078 05 1121 (on file)', values: [['078 05 1121', 'ID']] },
  { text: 'Please confirm the last digits of SSN 219099999 before we proceed', values: [['219099999', 'ID']] },
  { text: 'ssn# 536-22-1987, DOB on file', values: [['536-22-1987', 'ID']] },
  { text: 'They asked for my social security number (401-22-8371) on the phone!', values: [['401-22-8371', 'ID']] },
  // Aadhaar (12 digits, Verhoeff check digit), PAN
  { text: 'Aadhaar: 2345 6789 0124 linked to your loan account.', values: [['2345 6789 0124', 'ID']] },
  { text: 'Your Aadhaar no 499118665246 has been shared with our field agent.', values: [['499118665246', 'ID']] },
  { text: 'KYC docs: aadhar 8765-4321-0988, PAN ABCPE1234F.', values: [['8765-4321-0988', 'ID'], ['ABCPE1234F', 'ID']] },
  { text: 'PAN card number: BNZPM2501F. Pay today or face legal action.', values: [['BNZPM2501F', 'ID']] },
  { text: 'Borrower PAN AAACR5055K (company) and director PAN CSLPK4567Q', values: [['AAACR5055K', 'ID'], ['CSLPK4567Q', 'ID']] },
  // IBANs (the registry's example numbers)
  { text: 'Transfer the balance to IBAN GB82 WEST 1234 5698 7654 32 by Friday.', values: [['GB82 WEST 1234 5698 7654 32', 'ACCOUNT']] },
  { text: 'Überweisen Sie an DE89370400440532013000 (Referenz: Inkasso).', values: [['DE89370400440532013000', 'ACCOUNT']] },
  { text: 'IBAN : FR14 2004 1010 0505 0001 3M02 606', values: [['FR14 2004 1010 0505 0001 3M02 606', 'ACCOUNT']] },
  { text: 'Pay to NL91ABNA0417164300, ES9121000418450200051332 or CH9300762011623852957.', values: [['NL91ABNA0417164300', 'ACCOUNT'], ['ES9121000418450200051332', 'ACCOUNT'], ['CH9300762011623852957', 'ACCOUNT']] },
  { text: 'iban: be68 5390 0754 7034', values: [['be68 5390 0754 7034', 'ACCOUNT']] },
  // passport numbers (only with a word that says so)
  { text: 'We have a copy of your passport, No. 533401299, and will use it.', values: [['533401299', 'ID']] },
  { text: 'Passport number: K12345678 (issued 2019)', values: [['K12345678', 'ID']] },
  { text: '您的护照号码E12345678已被登记。', values: [['E12345678', 'ID']] },
  { text: '護照號碼：312345678，請於三日內還款。', values: [['312345678', 'ID']] },
  { text: 'passport # GB-548210936', values: [['GB-548210936', 'ID']] },
  // driving licence numbers
  { text: "Driver's License #: D123-4567-8901 (CA)", values: [['D123-4567-8901', 'ID']] },
  { text: 'Your driving licence number MORGA753116SM9IJ is on our file.', values: [['MORGA753116SM9IJ', 'ID']] },
  { text: 'DL No. S530-4621-7845-09', values: [['S530-4621-7845-09', 'ID']] },
  { text: 'drivers licence: 12 345 678', values: [['12 345 678', 'ID']] },
  { text: '驾驶证号：440301198805063211', values: [['440301198805063211', 'ID']] },
  { text: '駕照號碼 F123456789', values: [['F123456789', 'ID']] },
  // Hong Kong and Taiwan identity card numbers
  { text: '香港身份證號碼：A123456(3)', values: [['A123456(3)', 'ID']] },
  { text: 'HKID Z683365(A) was given as the borrower.', values: [['Z683365(A)', 'ID']] },
  { text: 'HKID: AB987654(3)', values: [['AB987654(3)', 'ID']] },
  { text: 'Your HKID C668668(9) will be reported.', values: [['C668668(9)', 'ID']] },
  { text: '身分證字號 A123456789，逾期未還將提告。', values: [['A123456789', 'ID']] },
  { text: '借款人：林小姐，身分證F231459782。', values: [['林', 'NAME'], ['F231459782', 'ID']] },
  { text: 'id no. B120863158 (Taiwan)', values: [['B120863158', 'ID']] },
  // card numbers with any separator
  { text: 'Card 4111.1111.1111.1111 was declined.', values: [['4111.1111.1111.1111', 'ACCOUNT']] },
  { text: 'Use the card ending 5500.0000.0000.0004 for the payment', values: [['5500.0000.0000.0004', 'ACCOUNT']] },
  { text: '卡號 4000 0566 5566 5556 逾期', values: [['4000 0566 5566 5556', 'ACCOUNT']] },
  { text: 'cc: 3782-822463-10005', values: [['3782-822463-10005', 'ACCOUNT']] },
  { text: 'card no 6011/1111/1111/1117', values: [['6011/1111/1111/1117', 'ACCOUNT']] },
  // traditional-Chinese names with titles and in context
  { text: '陳先生您好，您的帳單已逾期。', values: [['陳', 'NAME']] },
  { text: '林小姐，請盡快與我們聯絡。', values: [['林', 'NAME']] },
  { text: '黃太太，您先生的欠款我們會去公司找他。', values: [['黃', 'NAME']] },
  { text: '張經理，貴公司員工劉志明積欠款項。', values: [['張', 'NAME'], ['劉志明', 'NAME']] },
  { text: '親愛的吳美玲：您的分期已逾期兩期。', values: [['吳美玲', 'NAME']] },
  { text: '聯絡人：鄭家豪，電話0912-345-678', values: [['鄭家豪', 'NAME'], ['0912-345-678', 'PHONE']] },
  { text: '緊急聯絡人蕭雅婷表示不認識你。', values: [['蕭雅婷', 'NAME']] },
  { text: '謝先生、賴小姐：請轉告債務人。', values: [['謝', 'NAME'], ['賴', 'NAME']] },
  { text: '我們已通知你的同事蔡宗翰和你的母親。', values: [['蔡宗翰', 'NAME']] },
  { text: '借款人葉淑芬，你再不還錢就去你家。', values: [['葉淑芬', 'NAME']] },
  // Taiwan addresses
  { text: '我們知道你住在台北市大安區忠孝東路四段100號5樓。', values: [['台北市大安區忠孝東路四段100號5樓', 'ADDRESS']] },
  { text: '地址：新北市板橋區文化路一段188巷20號', values: [['新北市板橋區文化路一段188巷20號', 'ADDRESS']] },
  { text: '明天會派人到臺中市西屯區臺灣大道三段99號找你。', values: [['臺中市西屯區臺灣大道三段99號', 'ADDRESS']] },
  { text: '寄送地址 高雄市前鎮區中山二路2號12樓之3', values: [['高雄市前鎮區中山二路2號12樓之3', 'ADDRESS']] },
  { text: '你公司在桃園市中壢區中正路100號3樓，我們會去。', values: [['桃園市中壢區中正路100號3樓', 'ADDRESS']] },
  { text: '戶籍地：彰化縣員林市大同路二段5巷3弄8號', values: [['彰化縣員林市大同路二段5巷3弄8號', 'ADDRESS']] },
  // Taiwan phone numbers
  { text: '請回電0912-345-678或0987654321。', values: [['0912-345-678', 'PHONE'], ['0987654321', 'PHONE']] },
  { text: '公司電話 (02) 2712-3456 分機 12', values: [['(02) 2712-3456', 'PHONE']] },
  { text: '聯絡電話：02-2712-3456', values: [['02-2712-3456', 'PHONE']] },
  { text: 'Call our Taipei office at +886 2 2712 3456 or +886-912-345-678.', values: [['+886 2 2712 3456', 'PHONE'], ['+886-912-345-678', 'PHONE']] },
  { text: '台中辦公室04-2251-2345，高雄07-331-2345', values: [['04-2251-2345', 'PHONE'], ['07-331-2345', 'PHONE']] },
  { text: '手機 0928 123 456', values: [['0928 123 456', 'PHONE']] },
  // lower-case names where the wording says it is a name
  { text: 'hi, my name is john smith and i got this text', values: [['john smith', 'NAME']] },
  { text: 'dear maria, your payment is late', values: [['maria', 'NAME']] },
  { text: 'this is mike johnson from apex recovery, call me back', values: [['mike johnson', 'NAME']] },
  { text: 'please ask for sarah at extension 204', values: [['sarah', 'NAME']] },
  { text: 'mr okafor, we have tried to reach you', values: [['okafor', 'NAME']] },
  { text: 'regards,\nkevin brown\ncollections dept', values: [['kevin brown', 'NAME']] },
  // @handles and profile URLs
  { text: 'We found you on Twitter @johnsmith88 and will post your debt there.', values: [['@johnsmith88', 'HANDLE']] },
  { text: 'DM @debt_collector_ph on Instagram to settle.', values: [['@debt_collector_ph', 'HANDLE']] },
  { text: '我们已经在微博@陈小明的粉丝里发了你的照片', values: [['@陈小明', 'HANDLE']] },
  { text: 'Your profile facebook.com/john.smith.123 shows your employer.', values: [['facebook.com/john.smith.123', 'HANDLE']] },
  { text: 'See https://www.instagram.com/priya_p/ and https://twitter.com/janedoe', values: [['https://www.instagram.com/priya_p/', 'HANDLE'], ['https://twitter.com/janedoe', 'HANDLE']] },
  { text: 'We will message your boss at linkedin.com/in/john-smith-4b2a1 today.', values: [['linkedin.com/in/john-smith-4b2a1', 'HANDLE']] },
  { text: 'Contact me on t.me/mike_collector or wa.me/14155550123', values: [['t.me/mike_collector', 'HANDLE'], ['wa.me/14155550123', 'HANDLE']] },
  { text: '你的微博 https://weibo.com/u/1234567890 我们都看了', values: [['https://weibo.com/u/1234567890', 'HANDLE']] },
  { text: 'her tiktok https://www.tiktok.com/@sarah.k and x.com/sarah_k', values: [['https://www.tiktok.com/@sarah.k', 'HANDLE'], ['x.com/sarah_k', 'HANDLE']] },
];

/** Written after the detectors; never tuned against (see above). */
export const HELDOUT: HandItem[] = [
  { text: 'The collector read out my social security number, 287-65-4321, to my mother.', values: [['287-65-4321', 'ID']] },
  { text: 'SSN: 521 43 8765 | DOB: 04/12/1980', values: [['521 43 8765', 'ID']] },
  { text: 'Your SSN ending in 4321 is on the file', values: [] },
  { text: 'aadhaar card 3141 5926 5351, pan card AFZPK7190K', values: [['3141 5926 5351', 'ID'], ['AFZPK7190K', 'ID']] },
  { text: 'UID 975318642024 verified.', values: [['975318642024', 'ID']] },
  { text: 'Please wire to IT60 X054 2811 1010 0000 0123 456 today.', values: [['IT60 X054 2811 1010 0000 0123 456', 'ACCOUNT']] },
  { text: 'Konto: AT611904300234573201. Bank: BA', values: [['AT611904300234573201', 'ACCOUNT']] },
  { text: 'Numer rachunku PL61 1090 1014 0000 0712 1981 2874', values: [['PL61 1090 1014 0000 0712 1981 2874', 'ACCOUNT']] },
  { text: 'IBAN IE29AIBK93115212345678; BIC AIBKIE2D', values: [['IE29AIBK93115212345678', 'ACCOUNT']] },
  { text: 'Send it to NO9386011117947 and SE4550000000058398257466', values: [['NO9386011117947', 'ACCOUNT'], ['SE4550000000058398257466', 'ACCOUNT']] },
  { text: 'He gave his passport no: X00123456 as ID.', values: [['X00123456', 'ID']] },
  { text: 'PASSPORT NUMBER 987654321', values: [['987654321', 'ID']] },
  { text: '护照：G87654321', values: [['G87654321', 'ID']] },
  { text: 'Driver license number: 123456789 (TX)', values: [['123456789', 'ID']] },
  { text: "driver's license D620-1234-5678 expires next year", values: [['D620-1234-5678', 'ID']] },
  { text: '驾照号码为 320102198001011234', values: [['320102198001011234', 'ID']] },
  { text: 'HK ID card K246801(8) belongs to the guarantor', values: [['K246801(8)', 'ID']] },
  { text: '身份證XY135792(4)', values: [['XY135792(4)', 'ID']] },
  { text: '統一編號不是身分證，但 H224680135 是。', values: [['H224680135', 'ID']] },
  { text: '外籍人士居留證號 Q186420979', values: [['Q186420979', 'ID']] },
  { text: 'card: 4532.0151.1283.0366 exp 09/27', values: [['4532.0151.1283.0366', 'ACCOUNT']] },
  { text: 'mastercard 5431 1111 1111 1111', values: [['5431 1111 1111 1111', 'ACCOUNT']] },
  { text: '何先生，您的貸款已逾期。', values: [['何', 'NAME']] },
  { text: '請轉告溫志偉先生儘快還款', values: [['溫志偉', 'NAME']] },
  { text: '親愛的廖小姐，這是最後通知。', values: [['廖', 'NAME']] },
  { text: '我是專員洪佳玲，負責您的案件。', values: [['洪佳玲', 'NAME']] },
  { text: '債務人：簡宏銘', values: [['簡宏銘', 'NAME']] },
  { text: '我們會去你家：臺南市東區大學路1號', values: [['臺南市東區大學路1號', 'ADDRESS']] },
  { text: '公司地址：台北市信義區松仁路7號', values: [['台北市信義區松仁路7號', 'ADDRESS']] },
  { text: '你的老家在宜蘭縣羅東鎮中正北路20巷5號2樓', values: [['宜蘭縣羅東鎮中正北路20巷5號2樓', 'ADDRESS']] },
  { text: '請撥 0933 888 777 或 (07) 536-1234', values: [['0933 888 777', 'PHONE'], ['(07) 536-1234', 'PHONE']] },
  { text: '手機：0955-123456', values: [['0955-123456', 'PHONE']] },
  { text: 'Taiwan number +886 933888777', values: [['+886 933888777', 'PHONE']] },
  { text: 'sincerely, angela davis', values: [['angela davis', 'NAME']] },
  { text: 'ok so this is brian, the account manager', values: [['brian', 'NAME']] },
  { text: 'mrs patel owes us money', values: [['patel', 'NAME']] },
  { text: 'i spoke to jennifer yesterday', values: [['jennifer', 'NAME']] },
  { text: 'Ping me @Collector_Joe', values: [['@Collector_Joe', 'HANDLE']] },
  { text: 'her handle is @lili.1988 on instagram', values: [['@lili.1988', 'HANDLE']] },
  { text: 'We messaged https://facebook.com/profile.php?id=100012345678901 already', values: [['https://facebook.com/profile.php?id=100012345678901', 'HANDLE']] },
  { text: 'github.com/jsmith-dev shows your real name', values: [['github.com/jsmith-dev', 'HANDLE']] },
  { text: 'youtube.com/@debtfreejess', values: [['youtube.com/@debtfreejess', 'HANDLE']] },
];

/** Messages with none of these types (nor other personal data): nothing but dates may be replaced. */
export const HAND_NO_PII: string[] = [
  'Under 15 U.S.C. § 1692g you may dispute the debt within 30 days.',
  'Regulation F, 12 CFR 1006.6(e), requires an opt-out notice in electronic messages.',
  'Your balance of $1,234.56 is now 45 days past due.',
  'Visit consumerfinance.gov/complaint or ftc.gov to learn your rights.',
  'See https://www.consumerfinance.gov/ask-cfpb/ for answers.',
  'Meet @ 5pm at the office; bring the signed form.',
  'The meeting is in room 4B; call ext. 204 if you are late.',
  'Press 1 for English, 2 for Spanish.',
  'We follow @CFPB and the FTC for updates on the rules.',
  'Version 2.4.1 of the app fixes the login issue.',
  'Order total: 3 items, 2 boxes, 1 invoice.',
  'my name is on the account, but i never signed for it',
  'dear customer, your statement is ready',
  'this is a reminder that your payment is due',
  '請於本月底前繳清，逾期將依法處理。',
  '本公司客服時間為週一至週五上午九點至下午六點。',
  '根據個人資料保護法，我們不得向第三人揭露您的債務。',
  '您的分期付款已完成，感謝您的配合。',
  '明天下午三點在二樓會議室開會。',
  '新聞：金管會要求業者改善催收行為。',
];
