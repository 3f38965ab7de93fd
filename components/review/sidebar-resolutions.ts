/**
 * The review service keeps who resolved a finding as { name, unit }; the sidebar's finding rows show `by` as
 * text. Map with this instead of casting (a cast shows "[object Object]" in the row).
 */
import type { Resolution as SidebarResolution } from '@/components/sidebar/types';
import type { Resolution } from '@/lib/review/types';

export function toSidebarResolutions(resolutions: Record<string, Resolution>): Record<string, SidebarResolution> {
  const out: Record<string, SidebarResolution> = {};
  for (const [id, r] of Object.entries(resolutions))
    out[id] = { resolution: r.resolution, ...(r.reason ? { reason: r.reason } : {}), by: r.by.name };
  return out;
}
