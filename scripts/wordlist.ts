/**
 * Admin tool for wordlist bundles: `npm run --silent wordlist -- <command>`. The five forms are fixed so that
 * scripts can rely on them:
 *
 *   keygen --out DIR                          DIR/private.key (PKCS#8 PEM, mode 0600) + DIR/public.key (base64)
 *   build SRC_DIR --version N --out FILE      every *.tsv / *.txt in SRC_DIR -> one bundle JSON
 *   sign FILE --key PRIVATE_KEY               writes FILE.sig (base64 Ed25519 signature of FILE's bytes)
 *   verify FILE --key PUBLIC_KEY              exit 0 if FILE.sig is valid for FILE and the bundle validates
 *   diff OLD NEW                              added / removed terms per list (bundle files or source dirs)
 *
 * `build` also takes an optional `--issuer NAME` (default: 先审词库管理员).
 * Exit codes: 0 success, 1 failure (message on stderr), 2 usage error.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WordlistError } from '../lib/core/wordlist-file';
import { loadWordlistDir } from '../lib/node/wordlist-dir';
import type { WordList } from '../lib/core/wordlist';
import { BUNDLE_FORMAT, bundleSchema, describeSchemaIssues, type Bundle } from '../lib/bundle/schema';
import { serializeBundle } from '../lib/bundle/serialize';
import { generateSigningKeyPair, importPrivateKeyPem, signBytes } from '../lib/bundle/keys';
import { formatBytes, parseBundleBytes, verifyBundle } from '../lib/bundle/verify';
import { diffLists, formatDiff } from '../lib/bundle/diff';
import { quoteInput } from '../lib/core/safe-text';

const USAGE = `用法 (usage): npm run --silent wordlist -- <命令>
  keygen --out DIR                       生成 Ed25519 密钥对：DIR/private.key（仅本人可读）与 DIR/public.key
  build SRC_DIR --version N --out FILE   把 SRC_DIR 中所有 .tsv/.txt 词表打包成 FILE（版本号 N 为递增的正整数）
                                         可选 --issuer 名称（签发单位）
  sign FILE --key PRIVATE_KEY            用私钥签名，生成 FILE.sig
  verify FILE --key PUBLIC_KEY           验证 FILE.sig 与词库包；通过退出码 0，否则 1 并说明原因
  diff OLD NEW                           按词库列出新增（+）与删除（-）的词条；OLD/NEW 为词库包或词表目录`;

class UsageError extends Error {}
class Failure extends Error {}

interface Parsed {
  positionals: string[];
  options: Record<string, string>;
}

/** Strict per-command parsing: exactly the positionals and flags of the documented form. */
function parse(args: string[], positionalCount: number, required: string[], optional: string[] = []): Parsed {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (!required.includes(name) && !optional.includes(name)) throw new UsageError(`未知选项 --${quoteInput(name)}`);
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} 需要一个值`);
      options[name] = value;
    } else positionals.push(arg);
  }
  if (positionals.length !== positionalCount) throw new UsageError(`参数个数不对：需要 ${positionalCount} 个，实际 ${positionals.length} 个`);
  for (const name of required) if (!(name in options)) throw new UsageError(`缺少 --${name}`);
  return { positionals, options };
}

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Failure(`无法读取${what} ${path}：${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function keygen(args: string[]): Promise<void> {
  const { options } = parse(args, 0, ['out']);
  const dir = resolve(options.out);
  const privatePath = join(dir, 'private.key');
  const publicPath = join(dir, 'public.key');
  // Never overwrite a key: bundles signed with it would stop verifying everywhere.
  for (const path of [privatePath, publicPath]) if (existsSync(path)) throw new Failure(`${path} 已存在，为避免覆盖现有密钥，已停止。`);
  mkdirSync(dir, { recursive: true });
  const pair = await generateSigningKeyPair();
  writeFileSync(privatePath, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
  writeFileSync(publicPath, `${pair.publicKeyBase64}\n`, { mode: 0o644, flag: 'wx' });
  console.log(`已生成密钥对 (key pair written):
  私钥 ${privatePath}（仅本人可读，请离线妥善保管，切勿外传）
  公钥 ${publicPath}
公钥内容（填入扩展设置或管理策略 trustedKeys）：
  ${pair.publicKeyBase64}`);
}

function parseVersion(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--version 必须是正整数（例如 3），而不是 "${quoteInput(text)}"`);
  }
  return Number(text);
}

function loadLists(dir: string): WordList[] {
  try {
    return loadWordlistDir(dir);
  } catch (error) {
    if (error instanceof WordlistError) throw new Failure(`词表有误：${error.message}`);
    throw error;
  }
}

async function build(args: string[]): Promise<void> {
  const { positionals, options } = parse(args, 1, ['version', 'out'], ['issuer']);
  const version = parseVersion(options.version);
  const started = performance.now();
  const [srcDir] = positionals;
  if (!existsSync(srcDir) || !statSync(srcDir).isDirectory()) throw new Failure(`词表目录不存在：${srcDir}`);
  const lists = loadLists(srcDir);
  if (!lists.length) throw new Failure(`${srcDir} 中没有 .tsv 或 .txt 词表文件`);
  const candidate = {
    format: BUNDLE_FORMAT,
    version,
    issuedAt: new Date().toISOString(),
    issuer: options.issuer ?? '先审词库管理员',
    lists,
  };
  const checked = bundleSchema.safeParse(candidate);
  if (!checked.success) throw new Failure(`词库包不符合格式：${describeSchemaIssues(checked.error)}`);
  const text = serializeBundle(checked.data);
  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  // An old signature next to a rebuilt bundle can only fail: remove it so nobody publishes the pair.
  const staleSig = `${out}.sig`;
  if (existsSync(staleSig)) rmSync(staleSig);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const terms = lists.reduce((n, l) => n + l.entries.length, 0);
  console.log(`已生成词库包 ${out}
  版本 ${version}，${lists.length} 个词库，${terms} 个词条，${formatBytes(Buffer.byteLength(text))}，用时 ${seconds} 秒`);
  for (const l of lists) console.log(`  ${l.id}\t${l.name}\t${l.entries.length}`);
  console.log(`下一步：npm run --silent wordlist -- sign ${options.out} --key 私钥文件`);
}

async function sign(args: string[]): Promise<void> {
  const { positionals, options } = parse(args, 1, ['key']);
  const [file] = positionals;
  const bytes = readFile(file, '词库包');
  const parsed = parseBundleBytes(bytes);
  if (!parsed.ok) throw new Failure(`${parsed.line ? `${file}:${parsed.line}: ` : ''}拒绝签名：${parsed.reason}`);
  let key: CryptoKey;
  try {
    key = await importPrivateKeyPem(readFile(options.key, '私钥文件').toString('utf8'));
  } catch (error) {
    throw new Failure(error instanceof Error ? error.message : String(error));
  }
  const signature = await signBytes(key, bytes);
  writeFileSync(`${file}.sig`, `${signature}\n`);
  console.log(`已签名：${file}.sig（词库包版本 ${parsed.bundle.version}）
请把 ${file} 和 ${file}.sig 一起放到内网服务器的同一目录。`);
}

function readPublicKey(arg: string): string {
  if (existsSync(arg)) return readFile(arg, '公钥文件').toString('utf8').trim();
  // Also accept the key itself, as pasted into settings or policy.
  if (/^[A-Za-z0-9+/]{43}=$/.test(arg.trim())) return arg.trim();
  throw new Failure(`无法读取公钥文件 ${quoteInput(arg, 200)}`);
}

async function verify(args: string[]): Promise<void> {
  const { positionals, options } = parse(args, 1, ['key']);
  const [file] = positionals;
  const bytes = readFile(file, '词库包');
  const publicKey = readPublicKey(options.key);
  const sigPath = `${file}.sig`;
  const sigText = existsSync(sigPath) ? readFileSync(sigPath, 'utf8') : undefined;
  const result = await verifyBundle(bytes, sigText, [publicKey], { installedVersion: 0, maxBytes: Number.MAX_SAFE_INTEGER });
  if (!result.ok) {
    const reason = result.code === 'no-trusted-key' ? `公钥格式不正确（应为 keygen 生成的 public.key）：${quoteInput(options.key, 200)}` : result.reason;
    throw new Failure(`${result.line ? `${file}:${result.line}: ` : ''}验证失败 (${result.code})：${reason}`);
  }
  const b: Bundle = result.bundle;
  const terms = b.lists.reduce((n, l) => n + l.entries.length, 0);
  console.log(`验证通过：${file}
  版本 ${b.version}，签发 ${b.issuer}，时间 ${b.issuedAt}，${b.lists.length} 个词库，${terms} 个词条`);
}

function loadForDiff(path: string): WordList[] {
  if (existsSync(path) && statSync(path).isDirectory()) return loadLists(path);
  const parsed = parseBundleBytes(readFile(path, '词库包'));
  if (!parsed.ok) throw new Failure(`${path}${parsed.line ? `:${parsed.line}` : ''}：${parsed.reason}`);
  return parsed.bundle.lists;
}

async function diff(args: string[]): Promise<void> {
  const { positionals } = parse(args, 2, []);
  const [oldPath, newPath] = positionals;
  process.stdout.write(formatDiff(diffLists(loadForDiff(oldPath), loadForDiff(newPath))));
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { keygen, build, sign, verify, diff };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const run = command ? COMMANDS[command] : undefined;
  try {
    if (!run) throw new UsageError(command ? `未知命令 ${quoteInput(command)}` : '缺少命令');
    await run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
