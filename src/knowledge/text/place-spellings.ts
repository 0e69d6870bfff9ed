/**
 * Places and organisations of China–Russia trade as Russian and Chinese write them, with the English name the
 * engine knows them by. A question naming one the fact base never mentions ("харбин", "大连", "газпром") asks about
 * something it does not cover: the engine reads the name as English and abstains, as it does on "Harbin".
 * Russian spellings are matched by their stem, so "Харбине" and "харбина" are Harbin too.
 */
export interface ForeignSpelling {
  /** The name as English writes it, lowercase. */
  english: string;
  ru: readonly string[];
  zh: readonly string[];
}

const CHINESE_PLACES = `
anhui: Аньхой | 安徽
chongqing: Чунцин | 重庆
fujian: Фуцзянь | 福建
gansu: Ганьсу | 甘肃
guangdong: Гуандун | 广东
guangxi: Гуанси | 广西
guizhou: Гуйчжоу | 贵州
hainan: Хайнань | 海南
hebei: Хэбэй Хебей | 河北
henan: Хэнань Хенань | 河南
hubei: Хубэй Хубей | 湖北
hunan: Хунань | 湖南
jiangsu: Цзянсу | 江苏
jiangxi: Цзянси | 江西
inner mongolia: Внутренняя-Монголия | 内蒙古 内蒙
ningxia: Нинся | 宁夏
qinghai: Цинхай | 青海
shaanxi: Шэньси Шеньси | 陕西
shandong: Шаньдун | 山东
shanghai: Шанхай | 上海
shanxi: Шаньси | 山西
sichuan: Сычуань | 四川
tianjin: Тяньцзинь | 天津
tibet: Тибет | 西藏
xinjiang: Синьцзян | 新疆
yunnan: Юньнань | 云南
hong kong: Гонконг Сянган | 香港
macau: Макао Аомынь | 澳门
taiwan: Тайвань | 台湾
harbin: Харбин | 哈尔滨
changchun: Чанчунь | 长春
dalian: Далянь Далян | 大连
heihe: Хэйхэ Хэйхе | 黑河
suifenhe: Суйфэньхэ Суйфэньхе | 绥芬河
manzhouli: Маньчжоули | 满洲里
hunchun: Хуньчунь | 珲春
erenhot: Эрлянь Эрэн-Хото | 二连浩特 二连
qingdao: Циндао | 青岛
ningbo: Нинбо | 宁波
guangzhou: Гуанчжоу | 广州
shenzhen: Шэньчжэнь Шеньчжень | 深圳
wuhan: Ухань | 武汉
chengdu: Чэнду Ченду | 成都
xian: Сиань | 西安
urumqi: Урумчи | 乌鲁木齐
khorgos: Хоргос | 霍尔果斯
kashgar: Кашгар | 喀什
hangzhou: Ханчжоу | 杭州
nanjing: Нанкин | 南京
xiamen: Сямэнь Сямынь | 厦门
mudanjiang: Муданьцзян | 牡丹江
dandong: Даньдун | 丹东
yingkou: Инкоу | 营口
qiqihar: Цицикар | 齐齐哈尔
daqing: Дацин | 大庆
jiamusi: Цзямусы | 佳木斯
yanji: Яньцзи | 延吉
tumen: Тумэнь | 图们
zhengzhou: Чжэнчжоу | 郑州
hohhot: Хух-Хото Хухэхото | 呼和浩特
`;

const RUSSIAN_PLACES = `
moscow: Москва | 莫斯科
st petersburg: Петербург Санкт-Петербург Питер | 圣彼得堡
khabarovsk: Хабаровск | 哈巴罗夫斯克 伯力
blagoveshchensk: Благовещенск | 布拉戈维申斯克 海兰泡
irkutsk: Иркутск | 伊尔库茨克
novosibirsk: Новосибирск | 新西伯利亚
yekaterinburg: Екатеринбург | 叶卡捷琳堡
kazan: Казань | 喀山
krasnoyarsk: Красноярск | 克拉斯诺亚尔斯克
chita: Чита | 赤塔
ulan ude: Улан-Удэ | 乌兰乌德
nakhodka: Находка | 纳霍德卡
murmansk: Мурманск | 摩尔曼斯克
kaliningrad: Калининград | 加里宁格勒
omsk: Омск | 鄂木斯克
tomsk: Томск | 托木斯克
sakhalin: Сахалин | 萨哈林 库页岛
kamchatka: Камчатка | 堪察加
primorye: Приморье Приморский | 滨海边疆区
amur: Амурская Амур | 阿穆尔
zabaykalsky: Забайкалье Забайкальский | 外贝加尔
buryatia: Бурятия | 布里亚特
yakutia: Якутия | 雅库特
tatarstan: Татарстан | 鞑靼斯坦
siberia: Сибирь | 西伯利亚
urals: Урал | 乌拉尔
ussuriysk: Уссурийск | 乌苏里斯克
yakutsk: Якутск | 雅库茨克
magadan: Магадан | 马加丹
novorossiysk: Новороссийск | 新罗西斯克
rostov: Ростов | 罗斯托夫
samara: Самара | 萨马拉
volgograd: Волгоград | 伏尔加格勒
nizhny novgorod: Новгород | 下诺夫哥罗德
chelyabinsk: Челябинск | 车里雅宾斯克
barnaul: Барнаул | 巴尔瑙尔
sochi: Сочи | 索契
`;

const ORGANISATIONS = `
gazprom: Газпром | 俄气 俄罗斯天然气工业
rosneft: Роснефть | 俄油 俄罗斯石油公司
lukoil: Лукойл | 卢克石油
novatek: Новатэк Новатек | 诺瓦泰克
rosatom: Росатом | 俄原子能
russian railways: РЖД | 俄铁 俄罗斯铁路
sberbank: Сбербанк Сбер | 俄储蓄银行
vtb: ВТБ | 俄外贸银行
aeroflot: Аэрофлот | 俄航
rusal: Русал | 俄铝
transneft: Транснефть | 俄管道运输
huawei: Хуавэй Хуавей | 华为
sinopec: Синопек | 中石化 中国石化
cnpc: CNPC | 中石油 中国石油
cosco: COSCO | 中远 中远海运
alibaba: Алибаба | 阿里巴巴 阿里
xiaomi: Сяоми | 小米手机
geely: Джили | 吉利汽车
chery: Чери | 奇瑞
haval: Хавейл Хавал | 哈弗 长城汽车
byd: BYD | 比亚迪
lenovo: Леново | 联想
`;

function parse(table: string): ForeignSpelling[] {
  return table
    .trim()
    .split("\n")
    .map((line) => {
      const [english, spellings] = line.split(":") as [string, string];
      const [ru, zh] = spellings.split("|").map((part) => part.trim().split(/\s+/));
      return { english, ru: ru!, zh: zh! };
    });
}

/** Places in Russia: the base's largest port is the Russian Far East's, so only these are compared with it by size. */
export const RUSSIAN_PLACE_SPELLINGS: readonly ForeignSpelling[] = parse(RUSSIAN_PLACES);
export const PLACE_SPELLINGS: readonly ForeignSpelling[] = [...parse(CHINESE_PLACES), ...RUSSIAN_PLACE_SPELLINGS];
export const ORGANISATION_SPELLINGS: readonly ForeignSpelling[] = parse(ORGANISATIONS);
