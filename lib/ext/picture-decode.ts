/**
 * Decodes picture bytes into RGBA pixels in an extension page (the offscreen document): the browser's own
 * decoders (PNG, JPEG, WebP, GIF's first frame, AVIF) through createImageBitmap and an OffscreenCanvas.
 */
import type { Pixels } from '../images/types';

export async function decodePicture(bytes: Uint8Array): Promise<Pixels> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d', { willReadFrequently: true });
    if (!g) throw new Error('no 2d context');
    // Transparent areas read as white, as the consoles show them on a white page.
    g.fillStyle = '#fff';
    g.fillRect(0, 0, bitmap.width, bitmap.height);
    g.drawImage(bitmap, 0, 0);
    const { data } = g.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: bitmap.width, height: bitmap.height, data };
  } finally {
    bitmap.close();
  }
}
