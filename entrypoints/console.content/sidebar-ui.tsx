/**
 * Mounts the presentational sidebar in `<xianshen-sidebar>` (open shadow root; its CSS is injected into that
 * root by WXT's cssInjectionMode 'ui'), hung on <html> so a page that re-renders <body> children keeps it.
 */
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Sidebar, type SidebarProps } from '@/components/sidebar/Sidebar';

export const SIDEBAR_TAG = 'xianshen-sidebar';

export class SidebarUi {
  private ui: ShadowRootContentScriptUi<Root> | undefined;
  private mounting: Promise<void> | undefined;
  private props: SidebarProps | undefined;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** The host element (also carries the latency counters the typing bench reads). */
  get host(): HTMLElement | undefined {
    return this.ui?.shadowHost;
  }

  async show(): Promise<void> {
    if (this.ui?.shadowHost.isConnected) return;
    this.mounting ??= (async () => {
      this.ui ??= await createShadowRootUi<Root>(this.ctx, {
        name: SIDEBAR_TAG,
        position: 'inline',
        anchor: 'html',
        append: 'last',
        mode: 'open',
        onMount: (container) => {
          const root = createRoot(container);
          if (this.props) root.render(<Sidebar {...this.props} />);
          return root;
        },
        onRemove: (root) => root?.unmount(),
      });
      this.ui.mount();
    })().finally(() => (this.mounting = undefined));
    await this.mounting;
  }

  hide(): void {
    this.ui?.remove();
  }

  render(props: SidebarProps): void {
    this.props = props;
    this.ui?.mounted?.render(<Sidebar {...props} />);
  }
}
