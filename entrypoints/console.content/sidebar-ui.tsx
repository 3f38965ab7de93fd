/**
 * Mounts the presentational sidebar in `<xianshen-sidebar>` (open shadow root; its CSS is injected into that
 * root by WXT's cssInjectionMode 'ui'), hung on <html> so a page that re-renders <body> children keeps it.
 */
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Sidebar, type SidebarProps } from '@/components/sidebar/Sidebar';
import type { Surface } from '@/lib/adapters/types';

export const SIDEBAR_TAG = 'xianshen-sidebar';

/** Gap kept between the panel and a publish control. */
const CLEARANCE_PX = 12;
const PANEL_TOP_PX = 72;
const MIN_PANEL_PX = 160;

/**
 * Placement overrides driven by the host's custom properties (they inherit into the shadow root): the mount
 * owns placement, because only it knows where the console's publish controls are.
 */
const PLACEMENT_CSS = `
.xs-sidebar {
  right: var(--xs-avoid-right, 16px) !important;
  max-height: max(${MIN_PANEL_PX}px, calc(100vh - ${PANEL_TOP_PX}px - max(128px, var(--xs-avoid-bottom, 0px)))) !important;
}`;

export class SidebarUi {
  private ui: ShadowRootContentScriptUi<Root> | undefined;
  private mounting: Promise<void> | undefined;
  private props: SidebarProps | undefined;
  private placementFrame = 0;

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
        css: PLACEMENT_CSS,
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

  /**
   * Keeps the panel off the console's publish controls: end it above a control it would cover, or move it
   * left of the control when there is no room above.
   */
  avoid(controls: readonly DOMRect[]): void {
    const host = this.ui?.shadowHost;
    const panel = this.ui?.shadow.querySelector('.xs-sidebar');
    if (!host || !panel) return;
    const width = panel.getBoundingClientRect().width;
    const right = 16;
    const left = window.innerWidth - right - width;
    let bottom = 0;
    let avoidRight = right;
    for (const r of controls) {
      if (r.right < left - CLEARANCE_PX || r.bottom < PANEL_TOP_PX || r.top > window.innerHeight) continue;
      if (r.top - CLEARANCE_PX - PANEL_TOP_PX >= MIN_PANEL_PX) bottom = Math.max(bottom, window.innerHeight - r.top + CLEARANCE_PX);
      else avoidRight = Math.max(avoidRight, window.innerWidth - r.left + CLEARANCE_PX);
    }
    host.style.setProperty('--xs-avoid-bottom', `${Math.round(bottom)}px`);
    host.style.setProperty('--xs-avoid-right', `${Math.round(avoidRight)}px`);
  }

  /** After layout changes (next frame), keeps the panel off the surface's publish controls. */
  avoidSoon(surface: Surface): void {
    if (this.placementFrame) return;
    this.placementFrame = requestAnimationFrame(() => {
      this.placementFrame = 0;
      const rects: DOMRect[] = [];
      for (const control of surface.publish)
        for (const selector of control.selectors)
          for (const el of Array.from(document.querySelectorAll(selector))) {
            const r = el.getBoundingClientRect();
            if (r.width && r.height) rects.push(r);
          }
      this.avoid(rects);
    });
  }

  hide(): void {
    this.ui?.remove();
  }

  render(props: SidebarProps): void {
    this.props = props;
    this.ui?.mounted?.render(<Sidebar {...props} />);
  }
}
