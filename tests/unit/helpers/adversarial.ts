/** Hostile inputs for the content checks: no regular expression may backtrack badly on them. */
/** Adversarial 1 MB inputs: long digit runs, repeated punctuation, 'a', nested brackets, ★, '@' and '.'. */
export function adversarialInputs(): Record<string, string> {
  const MB = 1 << 20;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  return {
    digits: fill('1234567890'),
    'digits with separators': fill('138 1234-5678 '),
    punctuation: fill('！？。，、；：'),
    a: fill('a'),
    brackets: '（'.repeat(MB / 4) + '【[(' + '）'.repeat(MB / 4),
    stars: fill('秘密★'),
    'at and dot': fill('a@a.a.'),
    dots: fill('a.'),
    url: fill('https://a.taobao.com/' + 'x'.repeat(50)),
    mixed: fill('路1号2栋3室来源：网络地图审图号GS(2024)震惊！！!!内部资料'),
  };
}
