import { stopwords as mandarinGrammar } from "@orama/stopwords/mandarin";
import { stopwords as russianGrammar } from "@orama/stopwords/russian";

/**
 * Russian and Chinese words that ask nothing of their own: Snowball's Russian list and the common Chinese list (as
 * @orama/stopwords ships them), with the fillers and greetings of chat. The glossary's meaning of a word wins over
 * these lists: "сколько", "кто", "多少" and "谁" ask something.
 */
const RUSSIAN_CHAT = `короче чето чёто чё че чо шо типа вообще ваще щас плиз пж пжлст спс спасибо ребят ребята народ подскажите
  скажите кто-нибудь кто-то знает знаете интересно блин лол кек ахах ахаха хаха ок окей привет всем здравствуйте бот ботик вроде
  наверное реально ага угу либо вопрос слышал слышали точно называется собственно именно какой-то какие-то сюда такое такая такие
  это эти этот эта сейчас вообще-то ну-ка хочу хотел хотела узнать кроме помимо известно известны
  расскажи расскажите подскажи поясни поясните объясни объясните интересует туда сюда оттуда отсюда здесь тогда наоборот
  всё-таки все-таки таки вот даже впрочем итак`;

const CHINESE_CHAT = `哈哈 哈哈哈 哈哈哈哈 呵呵 嘿嘿 谢谢 多谢 请问 你好 大家好 好的 一下 问问 想问 想知道 知道 听说 有人 没有 有没有
  家 趟 辆 件 条 张 批 艘 架 台 座 项 笔 份 次 想 问 帮 嗯 呃 之前 之后 以前 以后 一起 一直 已经 曾经
  到底 究竟 具体 真的 是吗 对吗 吧 嘛 呗 哦 啊 呀 吗 呢 了 的 么 没 人 东西 那边 这边 当时 现在 今天 一共 总共 大概 大约 将近 左右`;

export const RUSSIAN_STOPWORDS: readonly string[] = [...russianGrammar, ...RUSSIAN_CHAT.split(/\s+/).filter(Boolean)];

export const CHINESE_STOPWORDS: ReadonlySet<string> = new Set([...mandarinGrammar, ...CHINESE_CHAT.split(/\s+/).filter(Boolean)]);
