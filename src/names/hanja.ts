/**
 * Sino-Korean readings of Han characters (hanja → Hangul), so that a name written in
 * characters can be compared with its Korean romanisation: 金铁三 → 김철삼 → Kim Chol Sam
 * (the UN lists KIM CHOL SAM a.k.a. Jin Tiesan (金铁三)).
 *
 * A small table, not a dictionary: the family names of Korea and the characters most used in
 * Korean given names, in traditional and simplified forms, read in the Northern way (initial
 * ㄹ/ㄴ kept: 李 리, 柳 류, 林 림, 龍 룡; the Southern reading follows from the initial-sound
 * rule, hangul.ts). Readings after the standard hanja readings (대한민국 인명용 한자 / 한자음).
 * A character with several readings is given the one used in names (金 김 as a family name,
 * 금 otherwise). A name with any character outside the table gets no reading.
 */
import { ownValue } from '../common/own.js';

// Pairs "character reading"; traditional and simplified forms listed side by side.
const READINGS =
  '金금 李리 朴박 崔최 鄭정 郑정 姜강 趙조 赵조 尹윤 張장 张장 林림 韓한 韩한 申신 吳오 吴오 徐서 權권 权권 ' +
  '黃황 黄황 宋송 安안 柳류 洪홍 全전 高고 文문 孫손 孙손 梁량 裵배 裴배 白백 曺조 曹조 許허 许허 南남 沈심 ' +
  '盧로 卢로 河하 劉류 刘류 丁정 成성 車차 车차 具구 禹우 朱주 任임 羅라 罗라 田전 閔민 闵민 辛신 池지 陳진 ' +
  '陈진 嚴엄 严엄 元원 蔡채 千천 方방 玄현 孔공 康강 咸함 卞변 廉렴 楊양 杨양 邊변 边변 呂려 吕려 秋추 魯로 ' +
  '鲁로 都도 蘇소 苏소 愼신 慎신 石석 宣선 薛설 馬마 马마 吉길 延연 周주 表표 明명 奇기 房방 潘반 王왕 琴금 ' +
  '玉옥 陸륙 陆륙 孟맹 印인 卓탁 秦진 太태 龍룡 龙룡 魏위 桂계 片편 郭곽 奉봉 殷은 余여 景경 韋위 韦위 ' +
  '宮궁 宫궁 甫보 諸제 诸제 葛갈 鮮선 鲜선 于우 獨독 独독 孤고 司사 空공 西서 門문 门문 ' +
  '正정 政정 貞정 贞정 晶정 廷정 靜정 静정 鼎정 鍾종 钟종 宗종 恩은 銀은 银은 日일 一일 逸일 性성 星성 聖성 ' +
  '圣성 誠성 诚성 盛성 哲철 喆철 鐵철 铁철 徹철 澈철 三삼 森삼 秉병 炳병 丙병 兵병 平평 坪평 善선 仙선 先선 ' +
  '姬희 姫희 熙희 喜희 希희 禧희 鳳봉 凤봉 峰봉 柱주 珠주 海해 與여 与여 汝여 如여 麗려 丽려 英영 永영 榮영 ' +
  '荣영 泳영 映영 德덕 東동 东동 洞동 童동 斗두 杜두 光광 廣광 广광 國국 国국 菊국 男남 浩호 鎬호 镐호 虎호 ' +
  '昊호 好호 湖호 豪호 弘홍 紅홍 红홍 化화 和화 花화 華화 华화 煥환 焕환 桓환 鶴학 鹤학 學학 学학 漢한 汉한 ' +
  '翰한 恒항 賢현 贤현 鉉현 铉현 炫현 顯현 显현 亨형 炯형 衡형 惠혜 慧혜 孝효 曉효 晓효 勳훈 勋훈 薰훈 訓훈 ' +
  '训훈 輝휘 辉휘 徽휘 興흥 兴흥 植식 式식 淑숙 順순 顺순 淳순 舜순 秀수 洙수 壽수 寿수 守수 樹수 树수 水수 ' +
  '錫석 锡석 碩석 硕석 燮섭 葉엽 叶엽 雪설 世세 松송 頌송 颂송 昭소 素소 岩암 巖암 愛애 爱애 洋양 陽양 阳양 ' +
  '亮량 良량 根근 勤근 槿근 錦금 锦금 今금 基기 起기 琪기 大대 泰태 台태 宅택 澤택 泽택 道도 敦돈 得득 ' +
  '來래 来래 禮례 礼례 烈렬 列렬 連련 连련 蓮련 莲련 玲령 鈴령 靈령 灵령 綠록 绿록 祿록 禄록 倫륜 伦륜 ' +
  '律률 隆륭 里리 利리 理리 立립 萬만 万만 滿만 满만 命명 茂무 武무 玟민 民민 敏민 博박 範범 范범 凡범 ' +
  '碧벽 輔보 辅보 寶보 宝보 福복 富부 彬빈 斌빈 賓빈 宾빈 士사 思사 山산 相상 尙상 尚상 祥상 常상 瑞서 ' +
  '書서 书서 承승 勝승 胜승 昇승 升승 時시 时시 詩시 诗시 信신 新신 實실 实실 心심 雅아 岳악 樂락 乐락 ' +
  '若약 彦언 業업 业업 然연 演연 燕연 妍연 悅열 悦열 念념 藝예 艺예 睿예 五오 悟오 溫온 温온 完완 旺왕 ' +
  '堯요 尧요 曜요 耀요 容용 勇용 鏞용 雄웅 原원 源원 媛원 園원 园원 遠원 远원 月월 偉위 伟위 有유 裕유 ' +
  '允윤 潤윤 润윤 胤윤 乙을 應응 应응 義의 义의 宜의 二이 伊이 益익 翼익 仁인 寅인 人인 壬임 子자 慈자 ' +
  '長장 长장 章장 將장 将장 在재 才재 載재 载재 宰재 典전 節절 节절 濟제 济제 祖조 朝조 照조 兆조 存존 ' +
  '宙주 俊준 峻준 浚준 準준 准준 中중 重중 仲중 之지 志지 智지 芝지 直직 振진 眞진 真진 鎭진 镇진 晋진 ' +
  '晉진 珍진 進진 进진 集집 燦찬 灿찬 贊찬 赞찬 昌창 彩채 天천 川천 泉천 靑청 青청 淸청 清청 楚초 初초 ' +
  '春춘 忠충 充충 翠취 治치 致치 七칠 通통 統통 统통 八팔 豊풍 豐풍 風풍 风풍 弼필 必필 夏하 荷하 合합 ' +
  '香향 向향 憲헌 宪헌 革혁 赫혁 奕혁 協협 协협 馨형 互호 護호 护호 火화 環환 环환 活활 皇황 晃황 會회 ' +
  '会회 孝효 厚후 侯후 後후 欽흠 钦흠 四사 六륙 九구 十십';

/** Characters read differently as a family name. */
const FAMILY_READINGS: Readonly<Record<string, string>> = { 金: '김' };

const TABLE: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  for (const pair of READINGS.split(' ')) {
    const [ch, reading] = [...pair];
    if (ch !== undefined && reading !== undefined && !table.has(ch)) table.set(ch, reading);
  }
  return table;
})();

/**
 * The Sino-Korean reading of a Han personal name (family name first), or null when a character
 * is not in the table. Non-Han characters are ignored.
 *
 * @example
 * hanjaNameToHangul('金铁三'); // '김철삼'
 * hanjaNameToHangul('金正恩'); // '김정은'
 */
export function hanjaNameToHangul(name: string): string | null {
  const chars = [...name].filter((ch) => /\p{Script=Han}/u.test(ch));
  if (chars.length === 0) return null;
  let out = '';
  for (const [i, ch] of chars.entries()) {
    const reading = (i === 0 ? ownValue(FAMILY_READINGS, ch) : undefined) ?? TABLE.get(ch);
    if (reading === undefined) return null;
    out += reading;
  }
  return out;
}

/**
 * The Sino-Korean reading of one character, or undefined when it is not in the table.
 *
 * @example
 * hanjaReading('鐵'); // '철'
 */
export function hanjaReading(ch: string): string | undefined {
  return TABLE.get(ch);
}
