/**
 * Local import for offline networks: a bundle file plus its .sig (or without one when policy allows it).
 * The file's exact bytes go to the background as base64, because the signature is over bytes.
 */
import { useState } from 'react';
import type { CheckResult } from '@/lib/ext/messages/ruleset';
import { ask } from '@/lib/ext/send';
import { bytesToBase64 } from '@/lib/bundle/base64';

async function readBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function ImportBundle() {
  const [bundleFile, setBundleFile] = useState<File>();
  const [sigFile, setSigFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CheckResult | { outcome: 'error'; message: string }>();

  const doImport = async () => {
    if (!bundleFile) return;
    setBusy(true);
    try {
      const bytes = await readBytes(bundleFile);
      const sigText = sigFile ? new TextDecoder().decode(await readBytes(sigFile)) : undefined;
      setResult(await ask({ type: 'ruleset:import', fileName: bundleFile.name, bundleBase64: bytesToBase64(bytes), sigText }));
    } catch (e) {
      setResult({ outcome: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <label style={{ display: 'block', margin: '6px 0' }}>
        词库包文件（.json）
        <input type="file" accept=".json,application/json" data-testid="xs-import-bundle" onChange={(e) => setBundleFile(e.currentTarget.files?.[0])} />
      </label>
      <label style={{ display: 'block', margin: '6px 0' }}>
        签名文件（.sig）
        <input type="file" accept=".sig" data-testid="xs-import-sig" onChange={(e) => setSigFile(e.currentTarget.files?.[0])} />
      </label>
      <button type="button" data-testid="xs-import" disabled={!bundleFile || busy} onClick={() => void doImport()}>
        {busy ? '正在导入…' : '导入词库包'}
      </button>
      {result && (
        <p data-testid="xs-import-result" data-outcome={result.outcome} style={{ color: result.outcome === 'applied' ? '#1b5e20' : '#b00020' }}>
          {result.message}
        </p>
      )}
    </div>
  );
}
