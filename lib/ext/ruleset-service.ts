/**
 * Background: keeps one working ruleset in force and updates it from signed bundles (uBlock Origin style:
 * versioned assets, bundled fallback, verify before apply, keep the last good one).
 *
 * Storage items (lib/ext/storage.ts; only this module writes them; all small):
 *   rulesetPointer   RulesetSnapshotMeta: version, source, counts and the key of the snapshot data
 *   rulesetLists     what the snapshot was built from (lists, counts, versions, key of the installed bundle)
 *   rulesetStatus    last check time, outcome and error, for the popup and options page
 * The large assets (compiled snapshot data, the last good bundle) live in IndexedDB (lib/ext/ruleset-db.ts)
 * under fresh keys; ONE storage.local.set of the pointers then swaps them in, so tabs switch atomically and
 * a failed check leaves everything untouched. Tabs fetch the data with the 'ruleset:snapshot' message.
 *
 * All work runs through one queue: an alarm firing during a "check now" cannot interleave two applies.
 */
import { browser } from 'wxt/browser';
import { RULESET_FORMAT } from '../core/ruleset';
import { bundleSchema } from '../bundle/schema';
import { base64ToBytes } from '../bundle/base64';
import { verifyBundle } from '../bundle/verify';
import { fetchBundle } from '../bundle/fetch';
import { resolveLists, type InstalledBundle } from '../bundle/merge';
import { compileLists } from '../bundle/compile';
import { getEffectiveSettings } from '../settings/store';
import type { Settings } from '../settings/schema';
import { BUNDLED_LISTS } from './bundled-lists';
import { getAsset, pruneAssets, putAssets } from './ruleset-db';
import type { Handlers } from './handlers';
import { items, storage } from './storage';
import { STORAGE_KEYS } from './storage-keys';
import type { RulesetListsRecord as ListsRecord, StoredUpdateStatus as StoredStatus } from './ruleset-records';
import type {
  CheckResult,
  CheckTrigger,
  RulesetSnapshot,
  RulesetSnapshotMeta,
  RulesetStatus,
} from './messages/ruleset';

export const UPDATE_ALARM = 'xs:update-check';

let queue: Promise<unknown> = Promise.resolve();
let checking = false;
/** The snapshot data last written or read, so tabs loading at once do not each hit IndexedDB. */
let snapshotCache: { dataKey: string; serialized: RulesetSnapshot['serialized'] } | undefined;

/** Runs jobs one after another; a failing job does not block the next. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job);
  queue = run.catch((error) => console.error('[xianshen] ruleset job failed', error));
  return run;
}

function builtWith(): string {
  return `${RULESET_FORMAT}+${browser.runtime.getManifest().version}`;
}

/** The stored bundle, re-validated: a bundle from an older extension version may no longer fit the schema. */
async function readInstalled(bundleKey: string | undefined): Promise<InstalledBundle | undefined> {
  const stored = bundleKey ? await getAsset<InstalledBundle>(bundleKey) : undefined;
  if (!stored) return undefined;
  const parsed = bundleSchema.safeParse(stored.bundle);
  return parsed.success ? { ...stored, bundle: parsed.data } : undefined;
}

async function nextStatus(patch: Partial<StoredStatus>): Promise<StoredStatus> {
  const current = await items.rulesetStatus.getValue();
  const next: Record<string, unknown> = { ...current, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as StoredStatus;
}

async function writeStatus(patch: Partial<StoredStatus>): Promise<void> {
  await items.rulesetStatus.setValue(await nextStatus(patch));
}

function configKey(settings: Settings): string {
  return JSON.stringify([settings.updateUrls, settings.trustedKeys]);
}

/** A compiled ruleset ready to be swapped in: IndexedDB assets plus the storage.local pointers to them. */
interface Prepared {
  assets: Record<string, unknown>;
  pointer: RulesetSnapshotMeta;
  lists: ListsRecord;
  keep: string[];
  dataKey: string;
  serialized: RulesetSnapshot['serialized'];
}

let stampCounter = 0;
function freshKey(kind: string): string {
  return `${kind}:${Date.now().toString(36)}-${(stampCounter++).toString(36)}`;
}

/**
 * Compiles what is in force. Throws if compiling fails (the caller then keeps the old ruleset).
 * `storedBundleKey`: the installed bundle is already stored under this key (a rebuild), so it is not rewritten.
 */
function prepare(installed: InstalledBundle | undefined, settings: Settings, storedBundleKey?: string): Prepared {
  const { active, infos } = resolveLists(BUNDLED_LISTS, installed, settings.disabledLists);
  const { serialized, counts } = compileLists(active);
  const appliedAt = new Date().toISOString();
  const version = installed?.bundle.version ?? 0;
  const dataKey = freshKey('snapshot');
  const assets: Record<string, unknown> = { [dataKey]: serialized };
  let bundleKey: string | undefined;
  if (installed) {
    bundleKey = storedBundleKey ?? freshKey('bundle');
    if (!storedBundleKey) assets[bundleKey] = installed;
  }
  const meta: RulesetSnapshotMeta = { version, source: installed?.source ?? 'bundled', appliedAt, counts, dataKey };
  const record: ListsRecord = {
    builtWith: builtWith(),
    disabledLists: [...settings.disabledLists].sort(),
    version,
    installed: installed
      ? {
          version,
          issuer: installed.bundle.issuer,
          issuedAt: installed.bundle.issuedAt,
          source: installed.source,
          installedAt: installed.installedAt,
          origin: installed.origin,
        }
      : null,
    infos,
    appliedAt,
    bundleKey,
  };
  return {
    assets,
    pointer: meta,
    lists: record,
    keep: bundleKey ? [dataKey, bundleKey] : [dataKey],
    dataKey,
    serialized,
  };
}

/** Stores the assets, then flips the pointers in one storage write (with the status, if given), then drops old assets. */
async function commit(prepared: Prepared, status?: StoredStatus): Promise<void> {
  await putAssets(prepared.assets);
  await storage.setItems([
    { item: items.rulesetPointer, value: prepared.pointer },
    { item: items.rulesetLists, value: prepared.lists },
    ...(status ? [{ item: items.rulesetStatus, value: status }] : []),
  ]);
  snapshotCache = { dataKey: prepared.dataKey, serialized: prepared.serialized };
  await pruneAssets(prepared.keep);
}

/**
 * Rebuilds the snapshot from the stored bundle and the bundled lists. If the stored bundle no longer
 * validates or compiles, the bundled lists alone are put in force: a browser is never left without a ruleset.
 */
async function rebuild(): Promise<void> {
  const { settings } = await getEffectiveSettings();
  const previous = await items.rulesetLists.getValue();
  const installed = await readInstalled(previous?.bundleKey);
  const hadBundle = previous?.version ?? 0;
  try {
    await commit(prepare(installed, settings, installed ? previous?.bundleKey : undefined));
    if (!installed && hadBundle > 0) {
      await writeStatus({
        lastError: { code: 'stored-bundle-invalid', reason: '已安装的词库包无法读取，已改用内置词库。', at: new Date().toISOString() },
      });
    }
  } catch (error) {
    if (!installed) throw error;
    await commit(prepare(undefined, settings));
    await writeStatus({
      lastError: {
        code: 'compile-failed',
        reason: `已安装的词库包（版本 ${installed.bundle.version}）编译失败，已改用内置词库：${String(error)}`,
        at: new Date().toISOString(),
      },
    });
  }
}

/** At every service-worker start: a snapshot exists and matches this build; the alarm matches the settings. */
async function ensureReady(): Promise<void> {
  const record = await items.rulesetLists.getValue();
  const meta = await items.rulesetPointer.getValue();
  const dataPresent = meta?.dataKey !== undefined && (await getAsset(meta.dataKey)) !== undefined;
  if (!record || !dataPresent || record.builtWith !== builtWith()) await rebuild();
  const { settings } = await getEffectiveSettings();
  await ensureAlarm(settings);
}

async function ensureAlarm(settings: Settings): Promise<void> {
  const period = settings.updateIntervalHours * 60;
  const existing = await browser.alarms.get(UPDATE_ALARM);
  if (existing && existing.periodInMinutes === period) return;
  await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: period, periodInMinutes: period });
}

/** A verdict on a candidate bundle, plus the compiled ruleset that puts it in force when it was accepted. */
interface Candidate {
  result: CheckResult;
  prepared?: Prepared;
}

/** Verifies a candidate bundle and, if it passes, compiles it; nothing is written here. */
async function evaluateCandidate(
  bytes: Uint8Array,
  sigText: string | undefined,
  source: InstalledBundle['source'],
  origin: string,
  settings: Settings,
  allowUnsigned = false,
): Promise<Candidate> {
  const installedVersion = (await items.rulesetLists.getValue())?.version ?? 0;
  const verdict = await verifyBundle(bytes, sigText, settings.trustedKeys, {
    installedVersion,
    maxBytes: settings.maxBundleBytes,
    allowUnsigned: source === 'import' && allowUnsigned,
  });
  if (!verdict.ok) {
    if (verdict.code === 'same-version') {
      return { result: { outcome: 'up-to-date', message: verdict.reason, code: verdict.code, version: installedVersion } };
    }
    const message =
      verdict.code === 'signature-missing' && source === 'import'
        ? '未附带签名文件（.sig）。只有管理策略允许时才能导入未签名的词库包，已拒绝。'
        : verdict.reason;
    return { result: { outcome: 'rejected', code: verdict.code, message } };
  }
  const installed: InstalledBundle = { bundle: verdict.bundle, source, installedAt: new Date().toISOString(), origin };
  let prepared: Prepared;
  try {
    prepared = prepare(installed, settings);
  } catch (error) {
    return { result: { outcome: 'rejected', code: 'compile-failed', message: `词库包无法编译，已拒绝，继续使用当前词库：${String(error)}` } };
  }
  const counts = prepared.pointer.counts;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const how = verdict.signed ? '签名验证通过' : '未签名（策略允许）';
  return {
    result: { outcome: 'applied', version: verdict.bundle.version, message: `已应用词库包版本 ${verdict.bundle.version}（${how}，共 ${total} 个词条）。` },
    prepared,
  };
}

/** Records the outcome; an accepted bundle, its snapshot and the status land in the same storage write. */
async function record(trigger: CheckTrigger, candidate: Candidate, settings: Settings, origin?: string): Promise<CheckResult> {
  const { result, prepared } = candidate;
  const at = new Date().toISOString();
  const ok = result.outcome === 'applied' || result.outcome === 'up-to-date' || result.outcome === 'no-urls';
  const patch: Partial<StoredStatus> = { lastCheckAt: at, lastTrigger: trigger, lastOutcome: result.outcome, lastMessage: result.message };
  if (trigger !== 'import') patch.configKey = configKey(settings);
  if (result.outcome === 'applied') patch.lastAppliedAt = at;
  patch.lastError = ok ? undefined : { code: result.code ?? result.outcome, reason: result.message, at, origin };
  if (prepared) {
    // The new ruleset's pointers and the status land in the same write.
    await commit(prepared, await nextStatus(patch));
  } else {
    await writeStatus(patch);
  }
  return result;
}

async function checkForUpdates(trigger: CheckTrigger): Promise<CheckResult> {
  const { settings } = await getEffectiveSettings();
  if (!settings.updateUrls.length) {
    return record(trigger, { result: { outcome: 'no-urls', message: '尚未配置词库更新地址，正在使用已安装的词库。' } }, settings);
  }
  checking = true;
  try {
    const failures: CheckResult[] = [];
    // Mirrors are tried in order; the first that yields a current or newer valid bundle ends the check.
    for (const url of settings.updateUrls) {
      const fetched = await fetchBundle(url, { maxBytes: settings.maxBundleBytes });
      const candidate: Candidate = fetched.ok
        ? await evaluateCandidate(fetched.bytes, fetched.sigText, 'update', url, settings)
        : { result: { outcome: 'failed', code: fetched.code, message: fetched.reason } };
      const { result } = candidate;
      if (result.outcome === 'applied' || result.outcome === 'up-to-date') return record(trigger, candidate, settings, url);
      failures.push({ ...result, message: settings.updateUrls.length > 1 ? `${url}：${result.message}` : result.message });
    }
    const result: CheckResult = {
      outcome: failures.some((f) => f.outcome === 'rejected') ? 'rejected' : 'failed',
      code: failures[0].code,
      message: failures.map((f) => f.message).join('\n'),
    };
    return record(trigger, { result }, settings, settings.updateUrls[0]);
  } finally {
    checking = false;
  }
}

async function importBundle(fileName: string, bundleBase64: string, sigText: string | undefined): Promise<CheckResult> {
  const { settings, policy } = await getEffectiveSettings();
  // Unsigned files only when the ADMIN allows it: a user's own setting must not switch verification off.
  const allowUnsigned = policy.allowUnsignedImport === true;
  const bytes = base64ToBytes(bundleBase64);
  const candidate: Candidate = bytes
    ? await evaluateCandidate(bytes, sigText, 'import', fileName, settings, allowUnsigned)
    : { result: { outcome: 'rejected', code: 'unreadable', message: '无法读取所选文件。' } };
  return record('import', candidate, settings, fileName);
}

async function reactToSettings(settings: Settings): Promise<void> {
  const listsRecord = await items.rulesetLists.getValue();
  const disabled = [...settings.disabledLists].sort();
  if (JSON.stringify(disabled) !== JSON.stringify(listsRecord?.disabledLists ?? [])) await rebuild();
  await ensureAlarm(settings);
  const status = await items.rulesetStatus.getValue();
  if (settings.updateUrls.length && status?.configKey !== configKey(settings)) await checkForUpdates('settings');
}

async function readStatus(): Promise<RulesetStatus> {
  const [listsRecord, status, alarm] = await Promise.all([
    items.rulesetLists.getValue(),
    items.rulesetStatus.getValue(),
    browser.alarms.get(UPDATE_ALARM),
  ]);
  const { configKey: _ignored, ...update } = status ?? {};
  return {
    installed: listsRecord?.installed ?? null,
    lists: listsRecord?.infos ?? [],
    appliedAt: listsRecord?.appliedAt,
    update,
    checking,
    nextCheckAt: alarm ? new Date(alarm.scheduledTime).toISOString() : undefined,
  };
}

/** The snapshot a tab screens with: pointer from storage.local, data from IndexedDB (or the cache). */
async function readSnapshotForTab(): Promise<RulesetSnapshot | null> {
  const meta = await items.rulesetPointer.getValue();
  if (!meta) return null;
  let serialized = snapshotCache?.dataKey === meta.dataKey ? snapshotCache.serialized : undefined;
  if (!serialized) {
    serialized = await getAsset<RulesetSnapshot['serialized']>(meta.dataKey);
    if (!serialized) return null;
    snapshotCache = { dataKey: meta.dataKey, serialized };
  }
  const { dataKey: _key, ...rest } = meta;
  return { ...rest, serialized };
}

/** The ruleset service's handlers (the background's router takes them). */
export const rulesetHandlers: Handlers<'ruleset:status' | 'ruleset:snapshot' | 'ruleset:check-now' | 'ruleset:import'> = {
  'ruleset:snapshot': () => readSnapshotForTab(),
  'ruleset:status': () => readStatus(),
  'ruleset:check-now': () => serial(() => checkForUpdates('manual')),
  'ruleset:import': (m) => serial(() => importBundle(m.fileName, m.bundleBase64, m.sigText)),
};

/** Alarms, install/startup and settings reactions; its messages go through the router (rulesetHandlers). */
export function registerRulesetService(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void serial(() => checkForUpdates('alarm'));
  });
  browser.runtime.onInstalled.addListener(() => {
    void serial(ensureReady).then(() => serial(() => checkForUpdates('install')));
  });
  browser.runtime.onStartup.addListener(() => {
    void serial(() => checkForUpdates('startup'));
  });
  // Queued synchronously from the storage event (not after re-reading settings), so the reaction is ordered
  // with any check already in the queue.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && STORAGE_KEYS.settings in changes)) {
      void serial(async () => reactToSettings((await getEffectiveSettings()).settings));
    }
  });
  // Every wake: the bundled snapshot is written right away if there is none (first install included).
  void serial(ensureReady);
}

/** For tests: resolves when all queued ruleset work is done. */
export function rulesetServiceIdle(): Promise<void> {
  return serial(async () => undefined);
}
