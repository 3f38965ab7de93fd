/**
 * Repeats merged inside a check, exactly as screen() would merge them, so a pasted megabyte that repeats one
 * contact or offer builds one finding (and one message) per distinct text, not one per place.
 *
 * screen() keeps, per check, field, severity and text: the first finding, the first MAX_OCCURRENCES places in the
 * order reported, and the start, end and message of the earliest place (the first to reach the minimum). This
 * class hands screen() at most two raw findings per group that lead to the same result: the first (with the places
 * collected as occurrences) and, when an earlier place came later, that one, which screen() then merges as before.
 * Only for a check whose findings all carry one `check` id and severity no other sub-check reports under.
 */
import type { FieldContext, RawFinding } from '../../core/check';
import { MAX_FINDINGS_PER_FIELD, MAX_OCCURRENCES } from '../../core/screen';
import type { Occurrence } from '../../core/types';

interface Group {
  /** Undefined for a group past the per-field cap: screen() would drop all of it. */
  first?: RawFinding;
  places: Occurrence[];
  /** The earliest place reported after the first, and its index in `places` (-1 when not collected). */
  earliest?: { raw: RawFinding; index: number };
}

export class RepeatMerger {
  private readonly groups = new Map<string, Group>();
  private readonly order: Group[] = [];
  private readonly perField = new Map<string, number>();

  /** One place of a finding; `build` runs only when screen() would keep something of this raw finding. */
  add(field: FieldContext, start: number, end: number, build: () => RawFinding): void {
    const key = `${field.name}\u0000${field.text.slice(start, end)}`;
    const g = this.groups.get(key);
    if (!g) {
      // Past the per-field cap screen() drops every further group: build nothing for it.
      const n = (this.perField.get(field.name) ?? 0) + 1;
      this.perField.set(field.name, n);
      const group: Group = { places: [{ start, end }] };
      this.groups.set(key, group);
      if (n <= MAX_FINDINGS_PER_FIELD) {
        group.first = build();
        this.order.push(group);
      }
      return;
    }
    if (!g.first) return;
    const collected = g.places.length < MAX_OCCURRENCES;
    if (collected) g.places.push({ start, end });
    if (start < (g.earliest?.raw.start ?? g.first.start)) g.earliest = { raw: build(), index: collected ? g.places.length - 1 : -1 };
  }

  findings(): RawFinding[] {
    const out: RawFinding[] = [];
    for (const g of this.order) {
      const places = g.earliest && g.earliest.index >= 0 ? g.places.filter((_, i) => i !== g.earliest!.index) : g.places;
      const first: RawFinding = { ...g.first! };
      if (places.length > 1) first.occurrences = places.slice(1);
      out.push(first);
      if (g.earliest) out.push(g.earliest.raw);
    }
    return out;
  }
}
