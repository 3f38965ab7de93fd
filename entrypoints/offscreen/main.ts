/**
 * Offscreen document: the picture reader (lib/images/reader.ts) with the models shipped in the extension.
 * The background opens it on the first picture to read and closes it when idle (lib/ext/picture-service.ts);
 * it answers only the background's reader port (lib/ext/picture-channel.ts), one picture at a time.
 */
import { browser } from 'wxt/browser';
import { base64ToBytes } from '../../lib/core/base64';
import { loadReaderAssets } from '../../lib/images/assets';
import { createPictureReader, type PictureReader } from '../../lib/images/reader';
import type { Pixels } from '../../lib/images/types';
import { serveReader } from '../../lib/ext/picture-channel';
import { decodePicture } from '../../lib/ext/picture-decode';

let reader: Promise<PictureReader> | undefined;

function getReader(): Promise<PictureReader> {
  reader ??= loadReaderAssets(async (file, as) => {
    // The assets are copied by wxt.config.ts (not public/), so WXT's typed paths do not list them.
    const res = await fetch(browser.runtime.getURL(`/${file.ext}` as '/'));
    if (!res.ok) throw new Error(`识图组件缺少文件 ${file.ext}`);
    return as === 'text' ? res.text() : res.arrayBuffer();
  })
    .then(createPictureReader)
    .catch((e) => {
      reader = undefined;
      throw e;
    });
  return reader;
}

serveReader(async (hash, dataBase64) => {
  let pixels: Pixels;
  try {
    pixels = await decodePicture(base64ToBytes(dataBase64));
  } catch {
    throw new Error('不是可识别的图片格式');
  }
  return (await getReader()).read(pixels, hash);
});
