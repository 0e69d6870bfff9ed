import type { Fact, FactBase, FactTranslation } from "../src/knowledge/schema.js";
import { createRandom, type Random } from "./random.js";

/**
 * Deterministic questions in Russian, in Chinese and in a mix of either with English, as a community asks them of
 * a base with translations: a third each, about 20% of each off-topic. On-topic ones are written from a fact's
 * translated statement (its figure asked for: "на сколько", "多少"), its translated keywords and its English
 * names, never from its example questions; in chat style (openers, closers, lowercase, no question mark) and,
 * for a fifth of the Russian ones, with a typo.
 */

export type QuestionLanguage = "ru" | "zh" | "mixed";

export const QUESTION_LANGUAGES: readonly QuestionLanguage[] = ["ru", "zh", "mixed"];

export interface ForeignQuestion {
  text: string;
  language: QuestionLanguage;
  offTopic: boolean;
}

const OFF_TOPIC_SHARE = 0.2;
const TYPO_SHARE = 0.2;

const RU_OFF_TOPIC: readonly ((random: Random) => string)[] = [
  (random) => `какая погода завтра в ${random.pick(["Париже", "Токио", "Берлине", "Казани", "Сочи"])}?`,
  (random) => `как приготовить ${random.pick(["борщ", "пельмени", "блины", "плов", "оливье"])}?`,
  (random) => `кто выиграл ${random.pick(["чемпионат мира", "лигу чемпионов", "Евровидение", "последнюю гонку Ф1"])}?`,
  (random) => `посоветуйте хороший ${random.pick(["сериал", "подкаст", "ноутбук", "курс по питону"])}`,
  (random) => `сколько будет ${random.int(2, 99)} умножить на ${random.int(2, 99)}?`,
  (random) => `как сбросить пароль от ${random.pick(["роутера", "Steam", "почты", "Discord"])}`,
  (random) => random.pick(["всем привет", "бот живой?", "расскажи анекдот", "кто тебя сделал?", "доброе утро"]),
];

const ZH_OFF_TOPIC: readonly ((random: Random) => string)[] = [
  (random) => `${random.pick(["巴黎", "东京", "柏林", "上海", "成都"])}明天天气怎么样？`,
  (random) => `${random.pick(["饺子", "红烧肉", "宫保鸡丁", "麻婆豆腐"])}怎么做？`,
  (random) => `谁赢了${random.pick(["世界杯", "欧冠决赛", "NBA总决赛"])}？`,
  (random) => `推荐一部好看的${random.pick(["电视剧", "动漫", "科幻小说"])}`,
  (random) => `${random.int(2, 99)}乘以${random.int(2, 99)}等于多少？`,
  (random) => `${random.pick(["路由器", "微信", "邮箱"])}密码怎么重置`,
  (random) => random.pick(["大家早上好", "机器人还在吗", "讲个笑话", "你是谁做的", "哈哈哈"]),
];

const MIXED_OFF_TOPIC: readonly ((random: Random) => string)[] = [
  (random) => `погода в ${random.pick(["Paris", "Tokyo", "Berlin"])} завтра?`,
  (random) => `how to cook ${random.pick(["饺子", "пельмени", "борщ"])}`,
  (random) => `who won the ${random.pick(["世界杯", "чемпионат мира"])}`,
  (random) => `best ${random.pick(["аниме", "动漫", "сериал"])} 2024?`,
];

const RU_OPENERS = ["", "", "", "кстати, ", "слушайте, ", "а ", "подскажите, ", "@bot "];
const RU_CLOSERS = ["", "", "?", " спасибо", "??", " плз"];
const ZH_OPENERS = ["", "", "", "请问", "想问下，", "大家好，", "@bot "];
const ZH_CLOSERS = ["", "", "？", "吗", "呢", "，谢谢"];

/** The first figure of a statement that is not a year, with a unit or % after it: what a question asks for. */
const RU_FIGURE = /(?<![\d,])(?!(?:19|20)\d\d\b)\d[\d ]*(?:,\d+)?(?: ?%| (?:млн|млрд|тыс\.)? ?[а-яё]+)?/u;
const ZH_FIGURE = /(?<![\d.–])\d+(?:\.\d+)?(?![\d.]|[年月–])(?:十?亿|百万|千|%)?/u;

function translationOf(fact: Fact, locale: "ru" | "zh-CN"): FactTranslation | undefined {
  return fact.translations?.[locale];
}

/** The statement with its figure asked for: "…вырос на сколько в марте 2019 года?", "…增长多少？". */
function figureAsked(statement: string, language: "ru" | "zh"): string | undefined {
  const [pattern, asked] = language === "ru" ? [RU_FIGURE, "сколько"] : [ZH_FIGURE, "多少"];
  if (!pattern.test(statement)) return undefined;
  return statement.replace(pattern, asked).replace(/[.。]$/u, "");
}

/** A translation's keywords split as the English ones are: names (the fact's entities) and what else it is about (no years). */
function partsOf(fact: Fact, translation: FactTranslation): { names: string[]; topics: string[] } {
  const entities = new Set(fact.entities);
  const names = translation.keywords.filter((_, i) => entities.has(fact.keywords[i] ?? ""));
  const topics = translation.keywords.filter((word, i) => !entities.has(fact.keywords[i] ?? "") && !/^\d+$/.test(word));
  return { names: names.length > 0 ? names : translation.keywords, topics: topics.length > 0 ? topics : translation.keywords };
}

function ruQuestion(random: Random, fact: Fact, translation: FactTranslation): string {
  const { names, topics } = partsOf(fact, translation);
  const [name, topic, when] = [random.pick(names), random.pick(topics).toLowerCase(), year(fact)];
  const templates: (() => string | undefined)[] = [
    () => figureAsked(translation.statement, "ru"),
    () => [topic, name, when].filter(Boolean).join(" "),
    () => `что известно про ${topic} в г. ${name}`,
    () => (when ? `какие данные по ${name} за ${when} год` : undefined),
    () => `${name}: ${topic}`,
  ];
  const text = pickTemplate(random, templates);
  return withTypo(random, `${random.pick(RU_OPENERS)}${random.chance(0.3) ? text.toLowerCase() : text}${random.pick(RU_CLOSERS)}`);
}

function zhQuestion(random: Random, fact: Fact, translation: FactTranslation): string {
  const { names, topics } = partsOf(fact, translation);
  const [name, topic, when] = [random.pick(names), random.pick(topics), year(fact)];
  const templates: (() => string | undefined)[] = [
    () => figureAsked(translation.statement, "zh"),
    () => [name, topic, when].filter(Boolean).join(random.pick(["", " "])),
    () => `${name}的${topic}怎么样`,
    () => (when ? `${when}年${name}${topic}是多少` : undefined),
    () => `${name}有什么${topic}数据`,
  ];
  return `${random.pick(ZH_OPENERS)}${pickTemplate(random, templates)}${random.pick(ZH_CLOSERS)}`;
}

/** English names with Russian or Chinese words: "Heihe экспорт 2019?", "how much 煤炭 in Heihe". */
function mixedQuestion(random: Random, fact: Fact, ru: FactTranslation, zh: FactTranslation): string {
  const name = random.pick(fact.entities.length > 0 ? fact.entities : fact.keywords);
  const [ruTopic, zhTopic] = [random.pick(partsOf(fact, ru).topics), random.pick(partsOf(fact, zh).topics)];
  const templates: (() => string)[] = [
    () => `${name} ${ruTopic}${year(fact) ? ` ${year(fact)}` : ""}?`,
    () => `${name} ${zhTopic} 多少`,
    () => `how much ${zhTopic} in ${name}?`,
    () => `сколько ${ruTopic} in ${name}`,
    () => `${zhTopic} ${name} ${random.pick(fact.keywords)}`,
    () => `${name} ${random.pick(fact.keywords)} ${ruTopic}?`,
  ];
  return random.pick(templates)();
}

const year = (fact: Fact): string | undefined => /\d{4}/.exec(fact.period ?? "")?.[0];

function pickTemplate(random: Random, templates: readonly (() => string | undefined)[]): string {
  for (const template of random.shuffle(templates)) {
    const text = template();
    if (text) return text;
  }
  throw new Error("no template applies"); // unreachable: the keyword templates always apply
}

/** Two neighbouring letters swapped in one Russian word of five letters or more. */
function withTypo(random: Random, text: string): string {
  if (!random.chance(TYPO_SHARE)) return text;
  const words = text.split(" ");
  const candidates = words.flatMap((word, index) => (/^[а-яё]{5,}$/iu.test(word) ? [index] : []));
  if (candidates.length === 0) return text;
  const index = random.pick(candidates);
  const word = words[index]!;
  const at = random.int(1, word.length - 2);
  words[index] = word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
  return words.join(" ");
}

/** `count` questions, the languages in turn (ru, zh, mixed), about the active facts that carry both translations. */
export function generateForeignQuestions(base: FactBase, count: number, seed: number): ForeignQuestion[] {
  const random = createRandom(seed);
  const facts = base.facts.filter((fact) => fact.status === "active" && translationOf(fact, "ru") && translationOf(fact, "zh-CN"));
  return Array.from({ length: count }, (_, i): ForeignQuestion => {
    const language = QUESTION_LANGUAGES[i % QUESTION_LANGUAGES.length]!;
    if (facts.length === 0 || random.chance(OFF_TOPIC_SHARE)) {
      const offTopic = { ru: RU_OFF_TOPIC, zh: ZH_OFF_TOPIC, mixed: MIXED_OFF_TOPIC }[language];
      return { text: random.pick(offTopic)(random), language, offTopic: true };
    }
    const fact = random.pick(facts);
    const [ru, zh] = [translationOf(fact, "ru")!, translationOf(fact, "zh-CN")!];
    const text = language === "ru" ? ruQuestion(random, fact, ru) : language === "zh" ? zhQuestion(random, fact, zh) : mixedQuestion(random, fact, ru, zh);
    return { text, language, offTopic: false };
  });
}
