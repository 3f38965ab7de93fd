import { memo, useCallback, useState } from 'react';
import type { Finding } from '@/lib/core/types';
import { FindingRow } from './FindingRow';
import type { FieldGroup } from './grouping';
import { CATEGORY_LABELS } from './labels';
import type { Resolution } from './types';
import type { PicturePreview } from './pictures';

interface FindingListProps {
  groups: FieldGroup[];
  resolutions: Record<string, Resolution>;
  /** Read pictures by field (`image:<hash>`). */
  pictures?: Record<string, PicturePreview>;
  onJump(f: Finding): void;
  onFix(f: Finding): void;
  onAccept(f: Finding, reason: string): void;
}

/** Findings grouped by field, then by category. Only one accept form is open at a time. */
function FindingListImpl({ groups, resolutions, pictures, onJump, onFix, onAccept }: FindingListProps) {
  const [openAcceptId, setOpenAcceptId] = useState<string | null>(null);
  const closeAccept = useCallback(() => setOpenAcceptId(null), []);

  return (
    <div className="xs-groups">
      {groups.map((group) => (
        <section key={group.field} className="xs-field-group" data-xs="field-group" data-field={group.field}>
          <h3 className="xs-field-heading">
            {group.label}
            <span className="xs-group-count">{group.count}</span>
          </h3>
          {group.categories.map(({ category, findings }) => (
            <section key={category} className="xs-category-group" data-category={category}>
              <h4 className="xs-category-heading">
                {CATEGORY_LABELS[category] ?? category}
                <span className="xs-group-count">{findings.length}</span>
              </h4>
              <ul className="xs-findings">
                {findings.map((f) => (
                  <FindingRow
                    key={f.id}
                    finding={f}
                    resolution={resolutions[f.id]}
                    picture={pictures?.[f.field]}
                    acceptOpen={openAcceptId === f.id}
                    onJump={onJump}
                    onFix={onFix}
                    onAccept={onAccept}
                    onOpenAccept={setOpenAcceptId}
                    onCloseAccept={closeAccept}
                  />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

export const FindingList = memo(FindingListImpl);
