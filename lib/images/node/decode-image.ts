/** Node-only: decodes a PNG, JPEG or WebP file into RGBA pixels with @napi-rs/canvas (prebuilt Skia from npm). */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Pixels } from '../types';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp'];

export function isImageFile(file: string): boolean {
  const lower = file.toLowerCase();
  return IMAGE_EXTENSIONS.some((e) => lower.endsWith(e));
}

export async function decodeImage(bytes: Uint8Array): Promise<Pixels> {
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(img.width, img.height);
  const g = canvas.getContext('2d');
  // Transparent areas read as white, as the consoles show them on a white page.
  g.fillStyle = '#fff';
  g.fillRect(0, 0, img.width, img.height);
  g.drawImage(img, 0, 0);
  const { data } = g.getImageData(0, 0, img.width, img.height);
  return { width: img.width, height: img.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
