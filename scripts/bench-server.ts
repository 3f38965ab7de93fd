/**
 * Load benchmark of the review server (not a test): two server processes on one PostgreSQL, 200 reviewers on
 * live events, 10,000 drafts submitted while reviewers decide; one server is killed mid-run and restarted.
 * Reports submission → reviewer event and final approval → editor event latencies, throughput, server memory,
 * and whether every acknowledged write survived and every unit's chain verifies. Loopback only; bounded by
 * BENCH_DRAFTS (10000) and BENCH_MAX_SECONDS (600): it stops by itself.
 *
 *   npm run bench:server                       # starts a throwaway PostgreSQL cluster
 *   DATABASE_URL=postgres://… npm run bench:server   # or uses yours (a fresh database is created in it)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { hashPassword } from '../server/auth/passwords';
import type { Database } from '../server/db/schema';
import { migrationProvider } from '../server/db/migrations';
import { Migrator } from 'kysely';
import { verifyUnitChain } from '../server/review/record';
import { ReviewServerClient } from '../lib/review-server/client';
import { submissionHash } from '../lib/review-server/draft-hash';
import type { ReviewEvent, Submission } from '../lib/review-server/schemas';
import { freePort, startThrowawayPostgres } from './bench-server-pg';

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 10_000);
const FULL_CHAIN_EVERY = Number(process.env.BENCH_FULL_CHAIN_EVERY ?? 10); // every 10th draft goes through all three levels
/** Submissions per second, paced (open loop): latency is measured at a sustained rate, not at saturation. */
const RATE = Number(process.env.BENCH_RATE ?? 25);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 600);
const KILL = process.env.BENCH_KILL !== '0';
const SUBMITTERS = 16;
const DECIDERS = 4;
const UNITS = 10;
const REVIEWERS_PER_UNIT = { first: 7, second: 7, final: 6 } as const; // 20 per unit, 200 in all
const EDITORS_PER_UNIT = 2;
const PASSWORD = 'bench-password-1';
const ROOT = path.resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------------------

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

interface ServerProc {
  name: string;
  port: number;
  url: string;
  child?: ChildProcess;
  maxRssMb: number;
}

async function startProc(proc: ServerProc, databaseUrl: string, dataDir: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(proc.port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      LOGIN_ADDRESS_LIMIT: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  proc.child = child;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${proc.url}/api/health`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${proc.name} did not start`);
}

/** User+system CPU seconds of a process so far (from /proc; Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function main() {
  const started = Date.now();
  const hardStop = started + MAX_SECONDS * 1000;
  const cluster = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
  const baseUrl = process.env.DATABASE_URL ?? cluster!.url;
  const dbName = `xs_bench_${Date.now()}`;
  {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`create database ${dbName}`);
    await c.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-bench-'));
  const procs: ServerProc[] = [];
  let db: Kysely<Database> | undefined;

  try {
    // Schema and accounts, written straight to the database (one argon2id hash shared by every bench account).
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 4 }) }) });
    const migrated = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (migrated.error) throw migrated.error;
    const hash = await hashPassword(PASSWORD);
    const units: { code: string; editors: string[]; reviewers: Record<'first' | 'second' | 'final', string[]> }[] = [];
    for (let u = 0; u < UNITS; u++) {
      const code = `unit-${u}`;
      const unit = await db.insertInto('units').values({ code, name: `测试单位${u}`, form_title: `测试单位${u}信息发布审批表`, review_levels: 3, accepted_block_levels: 3, allow_override: false }).returning('id').executeTakeFirstOrThrow();
      const entry = { code, editors: [] as string[], reviewers: { first: [] as string[], second: [] as string[], final: [] as string[] } };
      const add = async (username: string, role: string) => {
        const p = await db!.insertInto('people').values({ username, name: username, password_hash: hash, locked_until: null }).returning('id').executeTakeFirstOrThrow();
        await db!.insertInto('memberships').values({ person_id: p.id, unit_id: unit.id, role }).execute();
      };
      for (let e = 0; e < EDITORS_PER_UNIT; e++) {
        entry.editors.push(`ed-${u}-${e}`);
        await add(`ed-${u}-${e}`, 'editor');
      }
      for (const level of ['first', 'second', 'final'] as const)
        for (let r = 0; r < REVIEWERS_PER_UNIT[level]; r++) {
          entry.reviewers[level].push(`${level}-${u}-${r}`);
          await add(`${level}-${u}-${r}`, level);
        }
      units.push(entry);
    }

    for (const name of ['A', 'B']) {
      const port = await freePort();
      procs.push({ name, port, url: `http://127.0.0.1:${port}`, maxRssMb: 0 });
    }
    await Promise.all(procs.map((p) => startProc(p, databaseUrl, dataDir)));
    const sampler = setInterval(() => {
      for (const p of procs) p.maxRssMb = Math.max(p.maxRssMb, rssMb(p.child?.pid));
    }, 500);

    // Log everyone in (spread over both servers) and open the live streams: reviewers alternate A/B.
    const clients = new Map<string, ReviewServerClient>();
    const accounts = units.flatMap((u) => [...u.editors, ...u.reviewers.first, ...u.reviewers.second, ...u.reviewers.final]);
    let i = 0;
    for (const batch of chunk(accounts, 20))
      await Promise.all(
        batch.map(async (username) => {
          const client = new ReviewServerClient({ baseUrl: procs[i++ % 2].url });
          await client.login(username, PASSWORD);
          clients.set(username, client);
        }),
      );

    const submitSent = new Map<number, number>(); // draftId → ms when the POST started
    const finalSent = new Map<number, number>();
    const submitLatency: number[] = [];
    const approvalLatency: number[] = [];
    const submitAt: number[] = []; // when each submit sample was taken (to split off the kill window)
    const approvalAt: number[] = [];
    let killWindow: [number, number] = [Infinity, Infinity];
    let eventsReceived = 0;
    const stop = new AbortController();
    const pendingSubmitted = new Map<number, number[]>(); // events that arrived before the POST answered
    let connected = 0;
    const streams: Promise<void>[] = [];
    for (const u of units) {
      for (const username of [...u.reviewers.first, ...u.reviewers.second, ...u.reviewers.final]) {
        streams.push(
          new Promise<void>((ready) => {
            void clients.get(username)!.subscribe(
              (event: ReviewEvent) => {
                eventsReceived++;
                if (event.type !== 'submitted') return;
                const now = performance.now() + performance.timeOrigin;
                const sent = submitSent.get(event.draftId);
                if (sent !== undefined) {
                  submitLatency.push(now - sent);
                  submitAt.push(now);
                }
                else pendingSubmitted.set(event.draftId, [...(pendingSubmitted.get(event.draftId) ?? []), now]);
              },
              { signal: stop.signal, onState: (up) => up && (connected++, ready()) },
            );
          }),
        );
      }
      for (const username of u.editors) {
        streams.push(
          new Promise<void>((ready) => {
            void clients.get(username)!.subscribe(
              (event: ReviewEvent) => {
                eventsReceived++;
                if (event.type !== 'approved') return;
                const sent = finalSent.get(event.draftId);
                if (sent !== undefined && event.person) {
                  approvalLatency.push(performance.now() + performance.timeOrigin - sent);
                  approvalAt.push(performance.now() + performance.timeOrigin);
                  finalSent.delete(event.draftId); // one measurement per draft (the unit's other editor sees it too)
                }
              },
              { signal: stop.signal, onState: (up) => up && ready() },
            );
          }),
        );
      }
    }
    await Promise.all(streams);
    console.error(`[bench] ${connected} reviewer streams + ${UNITS * EDITORS_PER_UNIT} editor streams connected across 2 servers`);

    // Workload: submitters keep SUBMITTERS requests in flight; deciders walk every 5th draft through 3 levels.
    const acknowledged = new Set<number>();
    const decisionsAcked: { draftId: number; level: string }[] = [];
    const chainQueue: { draftId: number; unit: (typeof units)[number]; level: 0 | 1 | 2 }[] = [];
    let submitted = 0;
    let failures = 0;
    let killedAt = -1;
    let restartedAfterMs = 0;
    const runStart = Date.now();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    const submitter = async (w: number) => {
      while (submitted < DRAFTS && Date.now() < hardStop) {
        const n = submitted++;
        const due = runStart + (n * 1000) / RATE;
        if (due > Date.now()) await sleep(due - Date.now());
        const unit = units[n % UNITS];
        const editor = unit.editors[n % EDITORS_PER_UNIT];
        const sub = await makeSubmission(unit.code, n);
        let done = false;
        for (let attempt = 0; attempt < 20 && !done && Date.now() < hardStop; attempt++) {
          const client = clients.get(editor)!;
          const t0 = performance.now() + performance.timeOrigin;
          try {
            const r = await client.submit(sub);
            submitSent.set(r.draftId, t0);
            for (const at of pendingSubmitted.get(r.draftId) ?? []) {
              submitLatency.push(at - t0);
              submitAt.push(at);
            }
            pendingSubmitted.delete(r.draftId);
            acknowledged.add(r.draftId);
            if (n % FULL_CHAIN_EVERY === 0) chainQueue.push({ draftId: r.draftId, unit, level: 0 });
            done = true;
          } catch (error) {
            failures++;
            noteFailure('submit', error);
            // The editor's server is down (killed): switch this editor to the other server and retry.
            clients.set(editor, await relogin(editor, procs, clients.get(editor)!));
            await sleep(100);
          }
        }
        if (w === 0 && killedAt < 0 && KILL && submitted >= DRAFTS / 2) {
          killedAt = submitted;
          const victim = procs[1];
          console.error(`[bench] killing server ${victim.name} (SIGKILL) after ${submitted} submissions`);
          victim.child!.kill('SIGKILL');
          const down = Date.now();
          killWindow = [down, Infinity];
          void (async () => {
            await sleep(2000);
            await startProc(victim, databaseUrl, dataDir);
            restartedAfterMs = Date.now() - down;
            killWindow = [down, Date.now() + 5000]; // until the restarted server has settled
            console.error(`[bench] server ${victim.name} back after ${restartedAfterMs} ms`);
          })();
        }
      }
    };

    const LEVELS = ['first', 'second', 'final'] as const;
    const decider = async (w: number) => {
      let n = w;
      while (Date.now() < hardStop && (submitted < DRAFTS || chainQueue.length)) {
        const item = chainQueue.shift();
        if (!item) {
          await sleep(20);
          continue;
        }
        const level = LEVELS[item.level];
        const people = item.unit.reviewers[level];
        const username = people[n++ % people.length];
        const t0 = performance.now() + performance.timeOrigin;
        if (level === 'final') finalSent.set(item.draftId, t0);
        try {
          await clients.get(username)!.decide(item.draftId, level, 'approve', '同意');
          decisionsAcked.push({ draftId: item.draftId, level });
          if (item.level < 2) chainQueue.push({ ...item, level: (item.level + 1) as 1 | 2 });
        } catch (error) {
          failures++;
          noteFailure('decide', error);
          finalSent.delete(item.draftId);
          const status = (error as { status?: number }).status;
          if (status === 409) continue; // already decided by a request whose answer was lost in the kill
          clients.set(username, await relogin(username, procs, clients.get(username)!));
          chainQueue.push(item);
          await sleep(100);
        }
      }
    };

    await Promise.all([...Array.from({ length: SUBMITTERS }, (_, w) => submitter(w)), ...Array.from({ length: DECIDERS }, (_, w) => decider(w))]);
    const runMs = Date.now() - runStart;
    const cpu = { bench: +(process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6).toFixed(1), A: cpuSeconds(procs[0].child?.pid), B: cpuSeconds(procs[1].child?.pid) };
    await sleep(1500); // let the last events arrive
    stop.abort();
    clearInterval(sampler);

    // Nothing acknowledged is lost, and every unit's chain verifies.
    const ids = [...acknowledged];
    const found = new Set<number>();
    for (const batch of chunk(ids, 1000)) for (const row of await db.selectFrom('drafts').select('id').where('id', 'in', batch).execute()) found.add(row.id);
    let decisionsFound = 0;
    for (const batch of chunk(decisionsAcked, 500)) {
      const rows = await db.selectFrom('decisions').select(['draft_id', 'level']).where('draft_id', 'in', batch.map((d) => d.draftId)).execute();
      const set = new Set(rows.map((r) => `${r.draft_id}:${r.level}`));
      decisionsFound += batch.filter((d) => set.has(`${d.draftId}:${d.level}`)).length;
    }
    let chainsOk = 0;
    let records = 0;
    for (const u of await db.selectFrom('units').select('id').execute()) {
      const result = await verifyUnitChain(db, u.id);
      if (result.ok) {
        chainsOk++;
        records += result.count;
      } else console.error(`[bench] chain of unit ${u.id} broken: ${result.break.message}`);
    }
    const approved = Number((await sql<{ n: number }>`select count(*)::int as n from drafts where status = 'approved'`.execute(db)).rows[0].n);

    const steady = (values: number[], at: number[]) => values.filter((_, i) => at[i] < killWindow[0] || at[i] > killWindow[1]);
    const stats = (values: number[]) => ({ samples: values.length, p50: +fmt(percentile(values, 50)), p95: +fmt(percentile(values, 95)), max: +fmt(values.length ? values.reduce((a, b) => (b > a ? b : a), -Infinity) : NaN) });
    const result = {
      drafts: ids.length,
      targetRatePerSecond: RATE,
      submittedPerSecond: +(ids.length / (runMs / 1000)).toFixed(1),
      runSeconds: +(runMs / 1000).toFixed(1),
      reviewerStreamConnects: connected,
      submitToReviewerEventMs: stats(submitLatency),
      submitToReviewerEventMsOutsideKill: stats(steady(submitLatency, submitAt)),
      finalApprovalToEditorEventMs: stats(approvalLatency),
      finalApprovalToEditorEventMsOutsideKill: stats(steady(approvalLatency, approvalAt)),
      approvedDrafts: approved,
      decisions: decisionsAcked.length,
      eventsReceived,
      failedRequestsDuringKill: failures,
      failureKinds: Object.fromEntries(failureKinds),
      killedAfterSubmissions: killedAt,
      restartMs: restartedAfterMs,
      acknowledgedDraftsFound: `${found.size}/${ids.length}`,
      acknowledgedDecisionsFound: `${decisionsFound}/${decisionsAcked.length}`,
      chainsVerified: `${chainsOk}/${UNITS}`,
      chainRecords: records,
      cpuSeconds: cpu,
      serverMaxRssMb: Object.fromEntries(procs.map((p) => [p.name, +p.maxRssMb.toFixed(0)])),
      stoppedByTimeLimit: Date.now() >= hardStop,
    };
    console.log(JSON.stringify(result, null, 2));
    const lost = found.size !== ids.length || decisionsFound !== decisionsAcked.length || chainsOk !== UNITS;
    process.exitCode = lost ? 1 : 0;
  } finally {
    for (const p of procs) p.child?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await db?.destroy();
    if (cluster) cluster.stop();
    else {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    console.error(`[bench] total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

const failureKinds = new Map<string, number>();
function noteFailure(what: string, error: unknown) {
  const e = error as { status?: number; message?: string };
  const key = `${what} ${e.status ?? 'network'} ${String(e.message ?? error).slice(0, 60)}`;
  failureKinds.set(key, (failureKinds.get(key) ?? 0) + 1);
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** After a server dies, its clients log in again on a server that answers. */
async function relogin(username: string, procs: ServerProc[], old: ReviewServerClient): Promise<ReviewServerClient> {
  for (const p of [...procs.filter((x) => x.url !== old.baseUrl), ...procs.filter((x) => x.url === old.baseUrl)]) {
    try {
      const client = new ReviewServerClient({ baseUrl: p.url });
      await client.login(username, PASSWORD);
      return client;
    } catch {
      // try the next server
    }
  }
  return old;
}

const bodies = ['本周六上午九时，社区卫生服务中心在文化广场开展义诊活动，欢迎居民参加。', '为做好冬季供暖保障，请各小区物业于本月底前完成管网巡检。'];

async function makeSubmission(unit: string, n: number): Promise<Submission> {
  const body = `${bodies[n % bodies.length]}咨询电话 0564-${String(3_000_000 + n).slice(-7)}。（第 ${n} 号）`;
  const phone = /0564-\d{7}/.exec(body)![0];
  const start = body.indexOf(phone);
  const draft = { platform: 'wechat' as const, fields: { title: `测试通知 ${n}`, body } };
  return {
    unit,
    draftKey: `bench-${n}`,
    draft,
    draftHash: await submissionHash(draft),
    findings: [{ id: `f-${n}`, check: 'pii.phone', category: 'pii', severity: 'review', field: 'body', start, end: start + phone.length, text: phone, message: '电话号码', clause: '003_54205cdec66d062b.txt 第九条' }],
    fixed: [],
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
