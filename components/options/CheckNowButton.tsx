/** "立即检查更新": asks the background to check every update URL now and shows what happened. */
import { useState } from 'react';
import type { CheckResult } from '@/lib/ext/messages/ruleset';
import { ask } from '@/lib/ext/send';

export function CheckNowButton() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CheckResult | { outcome: 'error'; message: string }>();
  const check = async () => {
    setBusy(true);
    try {
      setResult(await ask({ type: 'ruleset:check-now' }));
    } catch (e) {
      setResult({ outcome: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const good = result && (result.outcome === 'applied' || result.outcome === 'up-to-date');
  return (
    <div>
      <button type="button" data-testid="xs-check-now" onClick={check} disabled={busy}>
        {busy ? '正在检查…' : '立即检查更新'}
      </button>
      {result && (
        <p data-testid="xs-check-result" data-outcome={result.outcome} style={{ color: good ? '#1b5e20' : '#b00020', whiteSpace: 'pre-wrap' }}>
          {result.message}
        </p>
      )}
    </div>
  );
}
