/** Toolbar popup: which wordlists are in force, the last check and its error, and "check now". */
import { browser } from 'wxt/browser';
import { useRulesetStatus } from '@/components/options/hooks';
import { RulesetStatusView } from '@/components/options/RulesetStatusView';
import { CheckNowButton } from '@/components/options/CheckNowButton';

export function App() {
  const { status, error } = useRulesetStatus();
  return (
    <main style={{ width: 360, padding: 12, fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif', fontSize: 13 }}>
      <h1 style={{ fontSize: 16, margin: '0 0 8px' }}>先审 · 词库</h1>
      {error && <p role="alert" style={{ color: '#b00020' }}>{error}</p>}
      {status && (
        <>
          <RulesetStatusView status={status} />
          <table data-testid="xs-popup-counts" style={{ width: '100%', margin: '8px 0', borderCollapse: 'collapse' }}>
            <tbody>
              {status.lists
                .filter((l) => l.active)
                .map((l) => (
                  <tr key={l.id} data-list-id={l.id}>
                    <td>{l.name}</td>
                    <td style={{ textAlign: 'right' }}>{l.count}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
      <CheckNowButton />
      <p>
        <a href="#" onClick={(e) => (e.preventDefault(), void browser.runtime.openOptionsPage())}>
          打开设置
        </a>
      </p>
    </main>
  );
}
