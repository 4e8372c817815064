/**
 * Chinese personal names by heuristics: a common surname followed by one or two given-name
 * characters, where the context says it is a name (an honorific such as 先生/女士/小姐/总/经理
 * after it, or 姓名/我叫/借款人/联系人/尊敬的 … before it, or a greeting at the start of a
 * line "张伟，你…"). Common words that begin with a surname character are excluded.
 */

/** The most common single-character surnames (about 90 % of the population) and compound ones. */
export const SURNAMES_1 = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'];
export const SURNAMES_2 = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '夏侯', '尉迟', '公孙', '长孙', '宇文', '司徒', '端木', '南宫', '独孤'];

const HONORIFICS = ['先生', '女士', '小姐', '太太', '总', '经理', '老师', '师傅', '医生', '律师', '阿姨', '叔叔', '老板', '主任', '科长', '处长', '局长', '董', '姐', '哥', '同学', '会计', '专员'];
const BEFORE = ['姓名', '名字', '我叫', '我是', '本人', '借款人', '债务人', '担保人', '联系人', '紧急联系人', '收件人', '户名', '持卡人', '客户', '尊敬的', '亲爱的', '致', '员工', '同事', '家属', '母亲', '父亲', '妻子', '丈夫', '儿子', '女儿', '朋友', '通知', '告诉', '转告', '联系', '找'];
/** characters that do not occur in given names here (function words, punctuation-like) */
const NOT_GIVEN = new Set([...'的了是在你我他她它们说要会不也都就还把被和与及或但而很太更最没有这那哪谁什么吗呢吧啊呀哦嗯个位些点次年月日天时分号元块钱欠款还借贷催收逾期请给让对向从到去来上下里中外后前']);
/** common words that start with a surname character (excluded even in name context) */
const STOP = new Set(['王国', '王者', '高兴', '高中', '高级', '高速', '高利', '张开', '李子', '周末', '周年', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '周边', '黄金', '林业', '何时', '何必', '马上', '方便', '方法', '方式', '方面', '方案', '白天', '金额', '金融', '江湖', '明天', '明白', '明年', '文件', '常常', '常见', '常规', '安全', '安排', '于是', '武汉', '宁可', '关于', '关系', '关注', '关心', '成功', '成本', '时间', '时候', '全部', '全国', '和平', '程序', '程度', '钱包', '钱款', '石头', '包括', '华为', '华人', '宋体', '龙头', '史上', '祝您', '祝你', '康复', '向您', '向你', '于此', '段时间', '路上', '曲线', '党员', '单位', '单独', '车辆', '连续', '商量', '商户', '管理', '应该', '应当', '边上', '师傅', '费用', '解决', '简单', '项目', '能力', '司法', '公司', '冷静', '景区', '卫生', '和解', '席位', '米饭', '严重', '万一', '万元', '任何', '于法', '余额', '施工', '付款', '付清', '欧元', '毛钱', '计划', '许多', '谢谢', '曾经', '董事', '叶子', '苏州', '杜绝', '魏晋', '吕梁', '丁点', '沈阳', '姚明', '卢布', '姜汤', '崔嵬', '钟头', '钟点', '谭某', '陆续', '汪洋', '范围', '贾某', '夏天', '夏季', '韦某', '白色', '孟买', '熊猫', '秦朝', '江苏', '江西', '尹某', '薛某', '雷同', '侯某', '龙岗', '陶瓷', '黎明', '贺卡', '顾客', '顾问', '毛病', '郝某', '龚某', '邵阳', '严格', '戴上', '莫名', '孔子', '汤圆', '常州', '温暖', '温馨', '康乐', '文明', '牛奶', '齐全', '易于', '乔迁', '庄园', '章程', '鲁莽', '岳父', '岳母', '申请', '申诉', '欧洲', '关闭', '兰州', '焦急', '左右', '甘肃', '包含', '宁波', '尚未', '符合', '舒服', '纪录', '纪律', '梅花', '童年', '凌晨', '毕业', '单据', '季度', '霍乱', '成为', '苗头', '谷歌', '盛情', '曲折', '路费', '辛苦', '管道', '柴油', '蒙古', '华南', '房子', '房租', '房贷', '屈服', '饶恕', '解释', '艾滋', '尤其', '阳光', '时效', '穆斯', '农村', '农业', '司机', '卓越', '古代', '吉林', '简直', '车主', '项下', '连带', '麦当', '党的', '宫殿', '冷漠', '卫星', '柏林', '宗教', '全额', '应付', '边境', '卞某', '师父', '和你', '和您', '和我', '商业', '沙发', '荣誉', '桑拿', '明确', '明细', '查询', '查看', '查到', '迟到', '池塘', '于你', '于您', '任务', '任意', '石家', '成都', '向他', '陈述', '高度', '高额', '唐山', '许可', '韩国', '冯某', '邓某', '曹操', '彭某', '肖像', '田地', '董某', '袁某', '潘某', '蒋某', '蔡某', '余下', '杜某', '叶某', '程某', '苏某', '魏某', '吕某', '丁某', '任某', '沈某', '姚某', '卢某', '姜某', '崔某', '钟某']);

const SURNAME_ALT = [...SURNAMES_2, ...SURNAMES_1].join('|');
const GIVEN = '[\\u4e00-\\u9fa5]';

const HONORIFIC_RE = new RegExp(`(${SURNAME_ALT})(${GIVEN}{0,2}?)(?=${HONORIFICS.join('|')})`, 'gu');
const BEFORE_RE = new RegExp(`(?:${BEFORE.join('|')})(?:[:：\\s]|是|为)?\\s*((?:${SURNAME_ALT})${GIVEN}{1,2})`, 'gu');
const GREETING_RE = new RegExp(`(?:^|[\\n。！？!?；;，,、\\s])((?:${SURNAME_ALT})${GIVEN}{1,2})(?=[，,：:\\s]|你好|您好|同志)`, 'gu');

function cleanName(name: string): string | undefined {
  const compound = SURNAMES_2.find((s) => name.startsWith(s));
  const surname = compound ?? name[0]!;
  let given = name.slice(surname.length);
  // stop at the first character that cannot be part of a given name
  const cut = [...given].findIndex((c) => NOT_GIVEN.has(c));
  if (cut >= 0) given = given.slice(0, cut);
  const full = surname + given;
  if (STOP.has(full) || STOP.has(full.slice(0, 2))) return undefined;
  return full;
}

export function findChineseNames(text: string): { start: number; end: number }[] {
  if (!/[\u4e00-\u9fa5]/.test(text)) return [];
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
