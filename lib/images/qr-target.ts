/**
 * What a decoded QR code leads to (issue 13, 2): a personal WeChat, a payment code, a shop or a short link is
 * advertising or traffic diversion in a government post (000 第十五条); a government site or an approved source
 * is fine. The ad-domains list (tags ecommerce, shortlink) and the approved-sources list (tag domain) are the same
 * data the text checks use, so an admin's edit reaches both.
 *
 * A payload that names harmful content is caught by screening the read text, which holds every payload
 * (lib/images/screen-picture.ts), not here.
 */
import { tagKind } from '../checks/util/lists';
import type { Ruleset } from '../core/ruleset';
import type { Category, Severity } from '../core/types';

export type QrKind =
  | 'payment'
  | 'personal-wechat'
  | 'ecommerce'
  | 'short-link'
  | 'official-account'
  | 'government'
  | 'approved-source'
  | 'wechat-article'
  | 'other-link'
  | 'text';

export interface QrTarget {
  kind: QrKind;
  /** Host name of a link target, lower case. */
  host?: string;
  /** Set when the code is a finding; absent when the target is fine. */
  category?: Category;
  severity?: Severity;
  /** zh-CN, for the sidebar and the CLI. */
  message: string;
}

const AD_CLAUSE = '000_0077cba45e8101c3.txt 第十五条';
export const QR_CLAUSE = AD_CLAUSE;

/** Collection codes: WeChat Pay (wxp://, payapp), Alipay (qr.alipay.com), UnionPay / 云闪付 (qr.95516.com). */
const PAYMENT_SCHEMES = ['wxp:'];
const PAYMENT_HOSTS = ['qr.alipay.com', 'payapp.weixin.qq.com', 'qr.95516.com', 'qr.unionpay.com'];
/** A person's or a chat group's WeChat / WeCom card: u.wechat.com/…, weixin.qq.com/g/…, work.weixin.qq.com/u/…. */
function isPersonalWeChat(host: string, path: string): boolean {
  if (host === 'u.wechat.com') return true;
  if (host === 'weixin.qq.com' && /^\/[gq]\//.test(path)) return true;
  if (host === 'work.weixin.qq.com' && /^\/(?:u|ca|gm)\//.test(path)) return true;
  return false;
}

function listTerms(ruleset: Ruleset, listId: string, tag: string): string[] {
  const list = ruleset.lists.find((l) => l.id === listId);
  return list ? list.entries.filter((e) => tagKind(e.tag) === tag).map((e) => e.term.trim().toLowerCase()) : [];
}

function hostIn(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith('.' + d));
}

/** Parses a payload as a link: with a scheme, or a bare host with a path (m.tb.cn/h.x). */
function parseLink(payload: string): { scheme: string; host: string; path: string } | undefined {
  const p = payload.trim();
  const withScheme = /^[a-z][a-z0-9+.-]{1,20}:/i.test(p) ? p : /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#:]|$)/i.test(p) ? `https://${p}` : undefined;
  if (!withScheme) return undefined;
  try {
    const u = new URL(withScheme);
    return { scheme: u.protocol.toLowerCase(), host: u.hostname.toLowerCase().replace(/\.$/, ''), path: u.pathname };
  } catch {
    return undefined;
  }
}

export function classifyQrTarget(payload: string, ruleset: Ruleset): QrTarget {
  const link = parseLink(payload);
  if (!link) return { kind: 'text', message: '二维码内容为文字（非链接），已与图中文字一并审查。' };
  const { scheme, host, path } = link;
  if (PAYMENT_SCHEMES.includes(scheme) || hostIn(host, PAYMENT_HOSTS))
    return {
      kind: 'payment',
      host,
      category: 'ad',
      severity: 'block',
      message: `图中二维码是收款码（${host || scheme.replace(':', '')}）：政务新媒体不得发布收款、商业推广内容，请删除该图片或换成不含收款码的图片。`,
    };
  if (isPersonalWeChat(host, path))
    return {
      kind: 'personal-wechat',
      host,
      category: 'ad',
      severity: 'review',
      message: `图中二维码是个人微信或微信群名片（${host}）：属于加微信引流，政务账号一般不得发布；确需公布联系方式的，请改用单位公开电话或官方账号。`,
    };
  if (hostIn(host, listTerms(ruleset, 'ad-domains', 'ecommerce')))
    return {
      kind: 'ecommerce',
      host,
      category: 'ad',
      severity: 'block',
      message: `图中二维码指向电商或店铺页面（${host}）：不得刊登商业广告或链接商业广告页面，请删除该二维码。`,
    };
  if (hostIn(host, listTerms(ruleset, 'ad-domains', 'shortlink')))
    return {
      kind: 'short-link',
      host,
      category: 'ad',
      severity: 'review',
      message: `图中二维码是短链接（${host}），扫码前看不到真实去向：请用手机扫码核实目标页面，不得链接商业广告页面。`,
    };
  if (host === 'gov.cn' || host.endsWith('.gov.cn'))
    return { kind: 'government', host, message: `图中二维码指向政府网站（${host}）。` };
  if (hostIn(host, listTerms(ruleset, 'approved-sources', 'domain')))
    return { kind: 'approved-source', host, message: `图中二维码指向权威来源（${host}）。` };
  if (host === 'mp.weixin.qq.com')
    return { kind: 'wechat-article', host, message: '图中二维码指向微信公众号文章，请确认为本单位或权威账号发布。' };
  if (host === 'weixin.qq.com' && path.startsWith('/r/'))
    return {
      kind: 'official-account',
      host,
      category: 'ad',
      severity: 'info',
      message: '图中二维码是公众号关注码：请确认为本单位或权威政务账号，而非商业账号。',
    };
  return {
    kind: 'other-link',
    host,
    category: 'ad',
    severity: 'info',
    message: `图中二维码指向 ${host}：请用手机扫码核实目标页面，不得链接商业广告页面。`,
  };
}
