/**
 * Chinese obfuscation collectors use to slip past keyword filters: pinyin initials and
 * homophone/near-form substitutions. Applied after traditional -> simplified.
 * Keep this list to forms seen in the wild; each entry costs nothing at run time.
 */

/** Pinyin initials, expanded only as stand-alone ASCII tokens inside Chinese text. */
export const PINYIN_INITIALS: Record<string, string> = {
  txl: '通讯录',
  cs: '催收',
  yq: '逾期',
  zx: '征信',
  bg: '曝光',
  lsh: '律师函',
  gaj: '公安局',
  sm: '上门',
  fy: '法院',
  qs: '起诉',
  lr: '老赖',
};

/** Homophones and near forms -> the standard word. */
export const HOMOPHONES: Record<string, string> = {
  // the feminine second person is still the reader
  妳: '你',
  通迅录: '通讯录',
  通汛录: '通讯录',
  通信录: '通讯录',
  通讯彔: '通讯录',
  崔收: '催收',
  摧收: '催收',
  爆光: '曝光',
  暴光: '曝光',
  律师涵: '律师函',
  律师含: '律师函',
  传漂: '传票',
  坐劳: '坐牢',
  座牢: '坐牢',
  老癞: '老赖',
  骗纸: '骗子',
  上们: '上门',
  尚门: '上门',
  逾欺: '逾期',
  预期未还: '逾期未还',
  征性: '征信',
  公按: '公安',
  法阮: '法院',
};
