/**
 * Self-contained demo for docs and screenshots: the sidebar on the demo sample, with the callbacks answered
 * locally the way the content script would (fix and accept record a resolution). Not used by the extension.
 */
import { useState } from 'react';
import { DEMO_FIELD_LABELS, DEMO_FINDINGS } from './demo-findings';
import { Sidebar } from './Sidebar';
import type { Resolution, SidebarState } from './types';

export function SidebarDemo({ initialState = 'problems' }: { initialState?: SidebarState }) {
  const [collapsed, setCollapsed] = useState(false);
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  const resolve = (id: string, resolution: Resolution) => setResolutions((r) => ({ ...r, [id]: resolution }));

  return (
    <Sidebar
      state={initialState}
      findings={DEMO_FINDINGS}
      resolutions={resolutions}
      fieldLabels={DEMO_FIELD_LABELS}
      platformLabel="微信公众号"
      heldReasons={initialState === 'held' ? ['存在未处理的阻断问题：身份证号、电商链接', '尚未完成终审'] : undefined}
      collapsed={collapsed}
      onToggleCollapsed={() => setCollapsed((c) => !c)}
      onJump={() => {}}
      onFix={(f) => resolve(f.id, { resolution: 'fixed' })}
      onAccept={(f, reason) => resolve(f.id, { resolution: 'accepted', reason, by: '演示用户' })}
    />
  );
}
