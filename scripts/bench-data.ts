/**
 * Deterministic benchmark data: the same seed gives the same terms and article on every machine, so figures
 * from different runs and machines compare like for like.
 */
import { prng } from './prng';

/**
 * ~5000 "common" CJK characters: every 4th code point of U+4E00..U+9E1F, spread over the block like the
 * real common set. Drawn with a skew (index ~ n * r^1.5) so a few characters are far more frequent than
 * the rest, as in real text; that also makes chance matches of short terms realistic.
 */
const COMMON_CJK_COUNT = 5000;
const COMMON_CJK = Array.from({ length: COMMON_CJK_COUNT }, (_, i) => String.fromCharCode(0x4e00 + i * 4));

function commonChar(rand: () => number): string {
  return COMMON_CJK[Math.floor(COMMON_CJK_COUNT * rand() ** 1.5)];
}

/** `count` unique terms of 2-6 common CJK characters. Shorter lists are prefixes of longer ones. */
export function generateTerms(count: number, seed = 1): string[] {
  const rand = prng(seed);
  const terms = new Set<string>();
  while (terms.size < count) {
    const length = 2 + Math.floor(rand() * 5);
    let term = '';
    for (let i = 0; i < length; i++) term += commonChar(rand);
    terms.add(term);
  }
  return [...terms];
}

const PUNCTUATION = ['，', '，', '。', '、', '；', '：', '“', '”', '（', '）'];
const LATIN_BITS = ['2026', 'APP', 'www', '12345', 'GDP', '5G'];

/**
 * An article of exactly `length` UTF-16 units: common CJK text with punctuation, paragraph breaks and
 * some latin/digits, with terms from `plantFrom` planted about every `plantEvery` characters.
 */
export function generateArticle(length: number, plantFrom: readonly string[], seed = 2, plantEvery = 150): string {
  const rand = prng(seed);
  let article = '';
  while (article.length < length) {
    const r = rand();
    if (r < 1 / plantEvery) article += plantFrom[Math.floor(rand() * plantFrom.length)];
    else if (r < 0.08) article += PUNCTUATION[Math.floor(rand() * PUNCTUATION.length)];
    else if (r < 0.082) article += '\n';
    else if (r < 0.085) article += LATIN_BITS[Math.floor(rand() * LATIN_BITS.length)];
    else article += commonChar(rand);
  }
  return article.slice(0, length);
}

const MB = 1_000_000;

/** 1 MB inputs shaped to trigger catastrophic backtracking or quadratic loops in careless checks. */
export function adversarialInputs(): { name: string; text: string }[] {
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  return [
    { name: 'digit run', text: fill('1234567890') },
    { name: "'a' x 1e6", text: 'a'.repeat(MB) },
    { name: 'repeated punctuation', text: fill('，。！？、；：…—') },
    { name: 'nested brackets', text: '（【《(['.repeat(MB / 10) + ')]》】）'.repeat(MB / 10) },
    { name: "'1' runs + separators", text: fill('1'.repeat(17) + '-') },
    { name: "many '@' and '.'", text: fill('a@b.c@.@..') },
    { name: 'many stars', text: fill('★') },
    { name: 'digits + spaces', text: fill('138 0013 8000 ') },
    { name: 'url-ish', text: fill('http://a.b/') },
    // Issue 10: context-qualified list entries re-scanned the field per hit (quadratic); a URL with a long
    // punctuation path made the trailing-punctuation pattern quadratic per URL.
    { name: "'亲自，' repeated", text: fill('亲自，') },
    { name: 'url + punctuation path', text: fill(`http://a.cc/${'.'.repeat(1980)} `) },
    { name: 'quotes and titles', text: fill('“《「『‘') },
    { name: 'cue words', text: fill('警惕查获出售加微信') },
    { name: 'brand-like', text: fill('金沙888体育官方注册开户') },
    { name: 'contacts', text: fill('出售冰毒加微信：abc12345，') },
    { name: 'medical-like', text: fill('白癜风偏方 http://a.cc 13812345678 ') },
    { name: 'datelines and bylines', text: fill('某某网讯（记者张三）本报记者\n') },
    // Wording checks: near misses of a formulation everywhere, doubled words and confusion-set words with their cues.
    { name: 'formulation near misses', text: fill('社会主义社会主意核心价值观以习近平为核心的党中央中国特色社会主义') },
    { name: 'doubled words', text: fill('局长局长是不是不的的就就研究研究') },
    { name: 'confusion words', text: fill('登陆网站形势多样截止6月处予罚款') },
  ];
}
