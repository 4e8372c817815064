/** Custom rules for tests (compiler, background engine, options section). */
export const CUSTOM_EN = `id: custom.en.harassment.lunch-calls
version: 1
category: harassment
severity: medium
title: { en: Calls at lunch every day, zh: 每天午饭时间来电 }
explain: { en: Calling at the same hour every day to wear you down., zh: 每天同一时间打电话施压。 }
match:
  keywords: [lunchtime]
  patterns: ["call you (every|each) lunchtime"]
examples:
  hit:
    - "Your account is overdue and you owe $300. We will [[call you every lunchtime]] until you pay."
    - "Balance of $80 unpaid. Our team will [[call you each lunchtime]] this week."
  miss:
    - "We will not call you every lunchtime."
    - "Call you every lunchtime? That was the old firm."
`;

export const CUSTOM_ZH = `id: custom.zh.privacy.wechat-group
version: 1
category: privacy
severity: high
title: { en: Threat to post in a group chat, zh: 威胁发到群里 }
explain: { en: Telling others about your debt is not allowed., zh: 向他人透露你的欠款是不允许的。 }
law: [cn.cba-guideline.privacy]
match:
  keywords: [群]
  patterns: ["(发|拉)(到|进)…(微信群|家族群)"]
examples:
  hit: ["你的欠款已经逾期，再不还款就把你[[发到你的家族群]]"]
  miss: ["我们不会把你的信息发到家族群"]
`;
