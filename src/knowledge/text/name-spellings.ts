/**
 * The one spelling the fact base writes each name with in Russian and Chinese, and the other spellings people
 * use (Traditional characters, older transliterations, typos common enough to expect). Validation holds the
 * translations to the chosen spelling; the engine reads every spelling as the English name.
 */
export interface NameSpelling {
  /** The English name word as the index holds it (lowercase). */
  english: string;
  ru: { chosen: string; others: readonly string[] };
  "zh-CN": { chosen: string; others: readonly string[] };
}

export const NAME_SPELLINGS: readonly NameSpelling[] = [
  { english: "liaoning", ru: { chosen: "Ляонин", others: ["Ляонинь", "Ляолин", "Liaonin"] }, "zh-CN": { chosen: "辽宁", others: ["遼寧"] } },
  { english: "shenyang", ru: { chosen: "Шэньян", others: ["Шеньян", "Шенян", "Шэньяян", "Shenyan"] }, "zh-CN": { chosen: "沈阳", others: ["瀋陽", "沈陽"] } },
  { english: "heilongjiang", ru: { chosen: "Хэйлунцзян", others: ["Хейлунцзян", "Хэйлунцзянь"] }, "zh-CN": { chosen: "黑龙江", others: ["黑龍江"] } },
  { english: "jilin", ru: { chosen: "Цзилинь", others: ["Гирин"] }, "zh-CN": { chosen: "吉林", others: [] } },
  { english: "vladivostok", ru: { chosen: "Владивосток", others: ["Владивосок", "Vladivostok"] }, "zh-CN": { chosen: "符拉迪沃斯托克", others: ["海参崴", "海參崴"] } },
  { english: "zhejiang", ru: { chosen: "Чжэцзян", others: ["Чжецзян"] }, "zh-CN": { chosen: "浙江", others: [] } },
  { english: "zhoushan", ru: { chosen: "Чжоушань", others: ["Чжоушан"] }, "zh-CN": { chosen: "舟山", others: [] } },
  { english: "jiaxing", ru: { chosen: "Цзясин", others: ["Цзясинь"] }, "zh-CN": { chosen: "嘉兴", others: ["嘉興"] } },
  { english: "beijing", ru: { chosen: "Пекин", others: ["Бэйцзин"] }, "zh-CN": { chosen: "北京", others: [] } },
  { english: "xi", ru: { chosen: "Си Цзиньпин", others: ["Си Цзинпин"] }, "zh-CN": { chosen: "习近平", others: ["習近平"] } },
  { english: "putin", ru: { chosen: "Путин", others: [] }, "zh-CN": { chosen: "普京", others: ["普丁"] } },
  { english: "ukraine", ru: { chosen: "Украин", others: [] }, "zh-CN": { chosen: "乌克兰", others: ["烏克蘭"] } },
  { english: "europe", ru: { chosen: "Европ", others: [] }, "zh-CN": { chosen: "欧", others: ["歐"] } },
];
