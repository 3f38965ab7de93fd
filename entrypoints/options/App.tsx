/** Options page (zh-CN): wordlist status and updates, installed lists, update settings, import, reviewers. */
import type { ReactNode } from 'react';
import { useEffectiveSettings, useRulesetStatus } from '@/components/options/hooks';
import { RulesetStatusView } from '@/components/options/RulesetStatusView';
import { CheckNowButton } from '@/components/options/CheckNowButton';
import { InstalledLists } from '@/components/options/InstalledLists';
import { UpdateSettings } from '@/components/options/UpdateSettings';
import { ImportBundle } from '@/components/options/ImportBundle';
import { IdentitySettings } from '@/components/review/IdentitySettings';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ margin: '20px 0', padding: 16, border: '1px solid #ddd', borderRadius: 6 }}>
      <h2 style={{ fontSize: 18, marginTop: 0 }}>{title}</h2>
      {children}
    </section>
  );
}

export function App() {
  const { effective } = useEffectiveSettings();
  const { status, error } = useRulesetStatus();
  return (
    <main style={{ maxWidth: 860, margin: '0 auto', padding: 16, fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif' }}>
      <h1 style={{ fontSize: 22 }}>先审 XianShen 设置</h1>
      {effective && effective.locked.size > 0 && (
        <p data-testid="xs-policy-note" style={{ color: '#8a5a00' }}>
          本浏览器受管理员策略管理，标有“由管理员策略锁定”的设置不能在此修改。
        </p>
      )}
      {effective?.policyProblems.length ? (
        <ul data-testid="xs-policy-problems" style={{ color: '#b00020' }}>
          {effective.policyProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {error && <p role="alert" style={{ color: '#b00020' }}>{error}</p>}
      <Section title="词库状态">
        {status && <RulesetStatusView status={status} />}
        <CheckNowButton />
      </Section>
      <Section title="已安装的词库">{status && effective && <InstalledLists status={status} effective={effective} />}</Section>
      <Section title="更新设置">{effective && <UpdateSettings effective={effective} />}</Section>
      <Section title="导入词库包（离线网络）">
        <ImportBundle />
      </Section>
      <Section title="审核人员">
        <IdentitySettings />
      </Section>
    </main>
  );
}
