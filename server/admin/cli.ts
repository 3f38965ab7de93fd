/**
 * `npm run server -- admin <command> [options]`: units, people, roles, keys, record checks and exports, run
 * directly against the database (PostgreSQL at any time; the embedded database only while the server is
 * stopped — use the admin page then). Exit 0 ok, 1 failed, 2 usage error.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SERVER_ROLES, type ServerRole } from '../../lib/review-server/schemas';
import type { ServerConfig } from '../config';
import { openDatabase } from '../db';
import { ApiFailure } from '../errors';
import { loadServerKeys } from '../keys';
import { createCheckpoint, listCheckpoints, purgeExpiredDrafts } from '../review/checkpoints';
import { unitCsv, unitJson } from '../review/exports';
import { verifyUnitChain } from '../review/record';
import { embeddedInUse } from '../start';
import { createPerson, createUnit, grantRole, listPeople, listUnits, revokeRole, setDisabled, setPassword, unitByCode, unlock, updateUnit } from './ops';

export const ADMIN_USAGE = `用法：npm run server -- admin <命令> [选项]
  unit add --code CODE --name 单位名称 [--form-title 审批表标题] [--levels 1-3] [--block-levels 1-3] [--allow-override]
  unit set --code CODE [--name …] [--form-title …] [--levels N] [--block-levels N] [--allow-override true|false]
  unit list
  person add --username U --name 姓名 [--password P]    （不给 --password 时读环境变量 XS_PASSWORD）
  person password --username U [--password P]
  person disable|enable|unlock --username U
  role grant|revoke --username U --unit CODE --role editor|first|second|final|admin
  people --unit CODE
  public-key                     打印审批签名公钥（填入扩展策略 reviewServerKey）
  verify --unit CODE             校验该单位审核记录哈希链
  checkpoint --unit CODE         立即签发链头检查点；checkpoints --unit CODE 导出全部检查点（JSON）
  export --unit CODE --format csv|json [--out FILE]
  purge                          立即按保存期限（RETENTION_DAYS）清除过期稿件正文`;

class UsageError extends Error {}

export async function runAdmin(config: ServerConfig, argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      'form-title': { type: 'string' },
      levels: { type: 'string' },
      'block-levels': { type: 'string' },
      'allow-override': { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: false,
  });
  if (values.help || positionals.length === 0) {
    console.log(ADMIN_USAGE);
    return positionals.length ? 0 : 2;
  }
  if (config.dbKind === 'pglite') {
    const pid = embeddedInUse(config);
    if (pid) {
      console.error(`审核服务器（进程 ${pid}）正在使用内置数据库 ${config.dataDir}：请先停止服务器，或在管理页面操作。`);
      return 1;
    }
  }
  const db = await openDatabase(config);
  try {
    await command(db.db, positionals, values as Record<string, string | boolean | undefined>);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${ADMIN_USAGE}`);
      return 2;
    }
    if (error instanceof z.ZodError) console.error(error.issues.map((i) => i.message).join('；'));
    else console.error(error instanceof ApiFailure || error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await db.close();
  }
}

function need(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw new UsageError(`缺少 --${name}`);
  return value;
}

function flag(value: string | boolean | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true' || value === 'yes' || value === '1') return true;
  if (value === 'false' || value === 'no' || value === '0') return false;
  throw new UsageError(`--allow-override 应为 true 或 false`);
}

function role(value: string): ServerRole {
  if (!(SERVER_ROLES as readonly string[]).includes(value)) throw new UsageError(`角色应为 ${SERVER_ROLES.join('、')} 之一`);
  return value as ServerRole;
}

function password(values: Record<string, string | boolean | undefined>): string {
  const value = typeof values.password === 'string' ? values.password : process.env.XS_PASSWORD;
  if (!value) throw new UsageError('缺少 --password（或环境变量 XS_PASSWORD）');
  return value;
}

type Kdb = Awaited<ReturnType<typeof openDatabase>>['db'];

async function command(db: Kdb, positionals: string[], values: Record<string, string | boolean | undefined>): Promise<void> {
  const [group, action] = positionals;
  const print = (value: unknown) => console.log(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  switch (`${group} ${action ?? ''}`.trim()) {
    case 'unit add': {
      const unit = await createUnit(db, {
        code: need(values, 'code'),
        name: need(values, 'name'),
        formTitle: values['form-title'] as string | undefined,
        reviewLevels: (values.levels as string | undefined) ?? 3,
        acceptedBlockLevels: (values['block-levels'] as string | undefined) ?? 3,
        allowOverride: flag(values['allow-override']) ?? false,
      } as never);
      return print(`已创建单位 ${unit.code}（${unit.name}），审批表标题：${unit.form_title}`);
    }
    case 'unit set': {
      const unit = await updateUnit(db, need(values, 'code'), {
        name: values.name as string | undefined,
        formTitle: values['form-title'] as string | undefined,
        reviewLevels: values.levels as never,
        acceptedBlockLevels: values['block-levels'] as never,
        allowOverride: flag(values['allow-override']),
      });
      return print(`已更新单位 ${unit.code}，策略版本 ${unit.policy_version}`);
    }
    case 'unit list':
      return print(await listUnits(db));
    case 'person add': {
      const person = await createPerson(db, { username: need(values, 'username'), name: need(values, 'name'), password: password(values) });
      return print(`已创建用户 ${person.username}（${person.name}）。用 role grant 授予角色。`);
    }
    case 'person password':
      await setPassword(db, need(values, 'username'), password(values));
      return print('密码已更新，该用户的登录会话已全部失效');
    case 'person disable':
    case 'person enable':
      await setDisabled(db, need(values, 'username'), action === 'disable');
      return print(action === 'disable' ? '已停用' : '已启用');
    case 'person unlock':
      await unlock(db, need(values, 'username'));
      return print('已解锁');
    case 'role grant':
    case 'role revoke': {
      const fn = action === 'grant' ? grantRole : revokeRole;
      const roles = await fn(db, need(values, 'username'), need(values, 'unit'), role(need(values, 'role')));
      return print(`${values.username} 在 ${values.unit} 的角色：${roles.join('、') || '（无）'}`);
    }
    case 'people':
      return print(await listPeople(db, need(values, 'unit')));
    case 'public-key':
      return print((await loadServerKeys(db)).publicKeyBase64);
    case 'verify': {
      const unit = await unitByCode(db, need(values, 'unit'));
      const result = await verifyUnitChain(db, unit.id);
      print(result.ok ? `哈希链完整：${result.count} 条记录，链头 ${result.head.hash}` : `哈希链断裂：${result.break.message}`);
      if (!result.ok) throw new Error('校验未通过');
      return;
    }
    case 'checkpoint': {
      const unit = await unitByCode(db, need(values, 'unit'));
      return print(await createCheckpoint(db, await loadServerKeys(db), unit, 'manual'));
    }
    case 'checkpoints': {
      const unit = await unitByCode(db, need(values, 'unit'));
      return print({ format: 'xianshen-checkpoints', publicKey: (await loadServerKeys(db)).publicKeyBase64, checkpoints: await listCheckpoints(db, unit.id) });
    }
    case 'export': {
      const unit = await unitByCode(db, need(values, 'unit'));
      const format = need(values, 'format');
      if (format !== 'csv' && format !== 'json') throw new UsageError('--format 应为 csv 或 json');
      const text = format === 'csv' ? await unitCsv(db, unit.id) : await unitJson(db, unit.id, (await loadServerKeys(db)).publicKeyBase64);
      if (typeof values.out === 'string') {
        fs.writeFileSync(values.out, text);
        return print(`已导出到 ${values.out}`);
      }
      process.stdout.write(text);
      return;
    }
    case 'purge': {
      const config = (await import('../config')).loadConfig();
      return print(`已清除 ${await purgeExpiredDrafts(db, config.RETENTION_DAYS)} 份过期稿件的正文`);
    }
    default:
      throw new UsageError(`未知命令：${positionals.join(' ')}`);
  }
}
