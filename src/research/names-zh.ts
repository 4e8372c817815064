/**
 * Chinese personal names by heuristics: a common surname followed by one or two given-name
 * characters, where the context says it is a name (an honorific such as 先生/女士/小姐/总/经理
 * after it, or 姓名/我叫/借款人/联系人/尊敬的 … before it, or a greeting at the start of a
 * line "张伟，你…"). Common words that begin with a surname character are excluded.
 * Simplified and traditional script alike (陳先生, 聯絡人：鄭家豪): the traditional forms were
 * made from the simplified lists with opencc (cn → tw) and checked by hand; characters that
 * are also everyday words in traditional text (於, 餘, 範, 遊 …) are left out.
 */

/** The most common single-character surnames (about 90 % of the population) and compound ones. */
export const SURNAMES_1 = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'];
/** traditional forms that differ from the simplified ones, and surnames common in Taiwan and Hong Kong */
export const SURNAMES_1_TRAD = [...'張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蔣葉蘇呂盧鍾譚陸賈韋鄒閻龍賀顧龔萬錢嚴湯溫齊喬龐顏莊聶魯歐關蘭寧紀畢單塗駱藍鮑華饒陽時農繆簡車項連蘆麥婁竇黨宮費衛應閔鄔邊師欒榮叢鞏遲鄺蕭賴洪傅鐘涂赖'];
export const SURNAMES_2 = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '夏侯', '尉迟', '公孙', '长孙', '宇文', '司徒', '端木', '南宫', '独孤', '歐陽', '司馬', '諸葛', '東方', '尉遲', '公孫', '長孫', '南宮', '獨孤'];

const HONORIFICS = ['先生', '女士', '小姐', '太太', '总', '经理', '老师', '师傅', '医生', '律师', '阿姨', '叔叔', '老板', '主任', '科长', '处长', '局长', '董', '姐', '哥', '同学', '会计', '专员', '總', '經理', '老師', '師傅', '醫生', '律師', '老闆', '科長', '處長', '局長', '同學', '會計', '專員'];
const BEFORE = ['姓名', '名字', '我叫', '我是', '本人', '借款人', '债务人', '担保人', '联系人', '紧急联系人', '收件人', '户名', '持卡人', '客户', '尊敬的', '亲爱的', '致', '员工', '同事', '家属', '母亲', '父亲', '妻子', '丈夫', '儿子', '女儿', '朋友', '通知', '告诉', '转告', '联系', '找', '債務人', '擔保人', '聯繫人', '聯絡人', '緊急聯繫人', '緊急聯絡人', '戶名', '客戶', '親愛的', '員工', '家屬', '母親', '父親', '兒子', '女兒', '告訴', '轉告', '聯繫', '聯絡'];
/** characters that do not occur in given names here (function words, punctuation-like) */
const NOT_GIVEN = new Set([...'的了是在你我他她它们说要会不也都就还把被和与及或但而很太更最没有这那哪谁什么吗呢吧啊呀哦嗯个位些点次年月日天时分号元块钱欠款还借贷催收逾期请给让对向从到去来上下里中外后前們說會還與沒這誰麼嗎個點時號塊錢貸請給讓對從來裡後於']);
/** common words that start with a surname character (excluded even in name context) */
const STOP = new Set(['王国', '王者', '高兴', '高中', '高级', '高速', '高利', '张开', '李子', '周末', '周年', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '周边', '黄金', '林业', '何时', '何必', '马上', '方便', '方法', '方式', '方面', '方案', '白天', '金额', '金融', '江湖', '明天', '明白', '明年', '文件', '常常', '常见', '常规', '安全', '安排', '于是', '武汉', '宁可', '关于', '关系', '关注', '关心', '成功', '成本', '时间', '时候', '全部', '全国', '和平', '程序', '程度', '钱包', '钱款', '石头', '包括', '华为', '华人', '宋体', '龙头', '史上', '祝您', '祝你', '康复', '向您', '向你', '于此', '段时间', '路上', '曲线', '党员', '单位', '单独', '车辆', '连续', '商量', '商户', '管理', '应该', '应当', '边上', '师傅', '费用', '解决', '简单', '项目', '能力', '司法', '公司', '冷静', '景区', '卫生', '和解', '席位', '米饭', '严重', '万一', '万元', '任何', '于法', '余额', '施工', '付款', '付清', '欧元', '毛钱', '计划', '许多', '谢谢', '曾经', '董事', '叶子', '苏州', '杜绝', '魏晋', '吕梁', '丁点', '沈阳', '姚明', '卢布', '姜汤', '崔嵬', '钟头', '钟点', '谭某', '陆续', '汪洋', '范围', '贾某', '夏天', '夏季', '韦某', '白色', '孟买', '熊猫', '秦朝', '江苏', '江西', '尹某', '薛某', '雷同', '侯某', '龙岗', '陶瓷', '黎明', '贺卡', '顾客', '顾问', '毛病', '郝某', '龚某', '邵阳', '严格', '戴上', '莫名', '孔子', '汤圆', '常州', '温暖', '温馨', '康乐', '文明', '牛奶', '齐全', '易于', '乔迁', '庄园', '章程', '鲁莽', '岳父', '岳母', '申请', '申诉', '欧洲', '关闭', '兰州', '焦急', '左右', '甘肃', '包含', '宁波', '尚未', '符合', '舒服', '纪录', '纪律', '梅花', '童年', '凌晨', '毕业', '单据', '季度', '霍乱', '成为', '苗头', '谷歌', '盛情', '曲折', '路费', '辛苦', '管道', '柴油', '蒙古', '华南', '房子', '房租', '房贷', '屈服', '饶恕', '解释', '艾滋', '尤其', '阳光', '时效', '穆斯', '农村', '农业', '司机', '卓越', '古代', '吉林', '简直', '车主', '项下', '连带', '麦当', '党的', '宫殿', '冷漠', '卫星', '柏林', '宗教', '全额', '应付', '边境', '卞某', '师父', '和你', '和您', '和我', '商业', '沙发', '荣誉', '桑拿', '明确', '明细', '查询', '查看', '查到', '迟到', '池塘', '于你', '于您', '任务', '任意', '石家', '成都', '向他', '陈述', '高度', '高额', '唐山', '许可', '韩国', '冯某', '邓某', '曹操', '彭某', '肖像', '田地', '董某', '袁某', '潘某', '蒋某', '蔡某', '余下', '杜某', '叶某', '程某', '苏某', '魏某', '吕某', '丁某', '任某', '沈某', '姚某', '卢某', '姜某', '崔某', '钟某', '王國', '高興', '高級', '張開', '週末', '週年', '週一', '週二', '週三', '週四', '週五', '週六', '週日', '周邊', '黃金', '林業', '何時', '馬上', '金額', '常見', '常規', '於是', '武漢', '寧可', '關於', '關係', '關注', '關心', '時間', '時候', '全國', '錢包', '錢款', '石頭', '華為', '華人', '宋體', '龍頭', '康復', '於此', '段時間', '曲線', '黨員', '單位', '單獨', '車輛', '連續', '商戶', '應該', '應當', '邊上', '師傅', '費用', '解決', '簡單', '項目', '冷靜', '景區', '衛生', '米飯', '嚴重', '萬一', '萬元', '於法', '餘額', '歐元', '毛錢', '計劃', '許多', '謝謝', '曾經', '葉子', '蘇州', '杜絕', '魏晉', '呂梁', '丁點', '瀋陽', '盧布', '薑湯', '鐘頭', '鐘點', '譚某', '陸續', '範圍', '賈某', '韋某', '孟買', '熊貓', '江蘇', '龍崗', '賀卡', '顧客', '顧問', '龔某', '邵陽', '嚴格', '湯圓', '溫暖', '溫馨', '康樂', '齊全', '易於', '喬遷', '莊園', '魯莽', '申請', '申訴', '歐洲', '關閉', '蘭州', '甘肅', '寧波', '紀錄', '紀律', '畢業', '單據', '霍亂', '成為', '苗頭', '路費', '華南', '房貸', '饒恕', '解釋', '陽光', '時效', '農村', '農業', '司機', '簡直', '車主', '項下', '連帶', '麥當', '黨的', '宮殿', '衛星', '全額', '應付', '邊境', '師父', '商業', '沙發', '榮譽', '明確', '明細', '查詢', '遲到', '於你', '於您', '任務', '陳述', '高額', '許可', '韓國', '馮某', '鄧某', '蔣某', '餘下', '葉某', '蘇某', '呂某', '盧某', '鍾某']);

const SURNAME_ALT = [...SURNAMES_2, ...SURNAMES_1, ...SURNAMES_1_TRAD].join('|');
const GIVEN = '[\\u4e00-\\u9fff]';

const HONORIFIC_RE = new RegExp(`(${SURNAME_ALT})(${GIVEN}{0,2}?)(?=${HONORIFICS.join('|')})`, 'gu');
const BEFORE_RE = new RegExp(`(?:${BEFORE.join('|')})(?:[:：\\s]|是|为)?\\s*((?:${SURNAME_ALT})${GIVEN}{1,2})`, 'gu');
const GREETING_RE = new RegExp(`(?:^|[\\n。！？!?；;，,、\\s])((?:${SURNAME_ALT})${GIVEN}{1,2})(?=[，,：:\\s]|你好|您好|同志)`, 'gu');

function cleanName(name: string): string | undefined {
  const compound = SURNAMES_2.find((s) => name.startsWith(s));
  const surname = compound ?? name[0]!;
  let given = name.slice(surname.length);
  // stop at the first character that cannot be part of a given name, or where a title begins (陳先生)
  const cut = [...given].findIndex((c) => NOT_GIVEN.has(c));
  if (cut >= 0) given = given.slice(0, cut);
  const title = HONORIFICS.map((h) => given.indexOf(h)).filter((i) => i >= 0);
  if (title.length) given = given.slice(0, Math.min(...title));
  const full = surname + given;
  if (STOP.has(full) || STOP.has(full.slice(0, 2))) return undefined;
  return full;
}

export function findChineseNames(text: string): { start: number; end: number }[] {
  if (!/[\u4e00-\u9fff]/.test(text)) return [];
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(HONORIFIC_RE)) {
    const name = m[1]! + m[2]!;
    const given = m[2]!;
    if ([...given].some((c) => NOT_GIVEN.has(c))) continue;
    // 王总 / 李经理: the surname alone; skip a word like 周总 only when a stop word
    if (STOP.has(name)) continue;
    out.push({ start: m.index, end: m.index + name.length });
  }
  for (const re of [BEFORE_RE, GREETING_RE]) {
    for (const m of text.matchAll(re)) {
      const raw = m[1]!;
      const name = cleanName(raw);
      if (!name || name.length < 2) continue;
      const at = m.index + m[0].lastIndexOf(raw);
      out.push({ start: at, end: at + name.length });
    }
  }
  return out;
}
