/**
 * Long images (WeChat 长图, 1080×3000 and more) are read in overlapping horizontal bands: the detector scales its
 * input so the long side is at most 960 px, and a whole long image scaled that far leaves its text a few pixels
 * high. Each band keeps the lines whose centre falls in its own share, so a line in an overlap is read once.
 */
export interface Band {
  /** Rows [top, bottom) of the picture that are read. */
  top: number;
  bottom: number;
  /** Rows [ownTop, ownBottom) whose lines this band keeps. */
  ownTop: number;
  ownBottom: number;
}

/** Pictures taller than this many widths are read in bands. */
export const BAND_RATIO = 1.6;
/** Overlap between bands: taller than any line of body text on a poster. */
export const BAND_OVERLAP = 160;

export function bandsFor(width: number, height: number): Band[] {
  if (height <= width * BAND_RATIO) return [{ top: 0, bottom: height, ownTop: 0, ownBottom: height }];
  const step = Math.round(width * 1.3);
  const bands: Band[] = [];
  for (let top = 0; top < height; top += step) {
    const bottom = Math.min(height, top + step + BAND_OVERLAP);
    bands.push({ top, bottom, ownTop: top === 0 ? 0 : top + BAND_OVERLAP / 2, ownBottom: bottom >= height ? height : top + step + BAND_OVERLAP / 2 });
    if (bottom >= height) break;
  }
  return bands;
}
