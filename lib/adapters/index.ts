/** Every console the extension screens in, as data. */
import { douyin } from './douyin';
import type { Adapter } from './types';
import { wechat } from './wechat';
import { weibo } from './weibo';

export const ADAPTERS: readonly Adapter[] = [wechat, weibo, douyin];

export function adapterForHost(host: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.hosts.includes(host));
}
