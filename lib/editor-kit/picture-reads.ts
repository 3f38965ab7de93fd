/**
 * The draft's pictures as the reader sees them, by source, for one editor session: which are being read,
 * which were read (with their reading) and which could not be. Reads are asked of the host (the content
 * script sends them to the background's queue), one request per source however often the draft is screened.
 */
import type { Picture } from '../core/types';
import type { PictureOutcome, PictureReading } from '../images/types';

export type ReadPicture = (picture: Picture) => Promise<Exclude<PictureOutcome, { status: 'reading' }>>;

export class PictureReads {
  private readonly outcomes = new Map<string, PictureOutcome>();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly read: ReadPicture,
    /** A read settled: the session screens again so the picture's findings join. */
    private readonly onSettled: () => void,
  ) {}

  outcome(src: string): PictureOutcome | undefined {
    return this.outcomes.get(src);
  }

  /** Starts reading the pictures not asked for yet. */
  ensure(pictures: readonly Picture[]): void {
    for (const p of pictures) {
      if (this.outcomes.has(p.src)) continue;
      this.outcomes.set(p.src, { status: 'reading' });
      this.read(p)
        .catch((e: unknown): PictureOutcome => ({ status: 'not-read', reason: `图片识别失败：${e instanceof Error ? e.message : String(e)}` }))
        .then((outcome) => {
          this.outcomes.set(p.src, outcome);
          if (this.reading(pictures) === 0) this.release();
          this.onSettled();
        });
    }
  }

  /** How many of these pictures are still being read. */
  reading(pictures: readonly Picture[]): number {
    return new Set(pictures.filter((p) => this.outcomes.get(p.src)?.status === 'reading').map((p) => p.src)).size;
  }

  /** zh-CN lines for the pictures that could not be read. */
  notRead(pictures: readonly Picture[]): string[] {
    const lines = new Map<string, string>();
    pictures.forEach((p) => {
      const o = this.outcomes.get(p.src);
      if (o?.status === 'not-read') lines.set(p.src, `第 ${p.index + 1} 张图片（${p.alt || shortSrc(p.src)}）：${o.reason}`);
    });
    return [...lines.values()];
  }

  readingOf(src: string): PictureReading | undefined {
    const o = this.outcomes.get(src);
    return o?.status === 'read' ? o.reading : undefined;
  }

  /** Resolves when no picture is being read. */
  settled(): Promise<void> {
    if (![...this.outcomes.values()].some((o) => o.status === 'reading')) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    if ([...this.outcomes.values()].some((o) => o.status === 'reading')) return;
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}

function shortSrc(src: string): string {
  if (src.startsWith('data:')) return '内嵌图片';
  try {
    const u = new URL(src);
    return u.host + (u.pathname.length > 24 ? `${u.pathname.slice(0, 24)}…` : u.pathname);
  } catch {
    return src.slice(0, 40);
  }
}
