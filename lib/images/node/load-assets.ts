/** Node-only: the reader's assets from node_modules (the same files the extension ships). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadReaderAssets, type ReaderAssets } from '../assets';

const require = createRequire(import.meta.url);

/**
 * node_modules/<package>/<file> by Node's own lookup paths: package `exports` maps hide most asset files from
 * require.resolve, so the package folder is found, not the file resolved.
 */
export function resolveAsset(npmPath: string): string {
  const parts = npmPath.split('/');
  const pkg = parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  for (const dir of require.resolve.paths(pkg) ?? []) {
    const path = join(dir, npmPath);
    if (existsSync(path)) return path;
  }
  throw new Error(`找不到识图组件文件 (reader asset not installed): ${npmPath}`);
}

export function nodeReaderAssets(): Promise<ReaderAssets> {
  return loadReaderAssets(async (file, as) => {
    const path = resolveAsset(file.npm);
    if (as === 'text') return readFile(path, 'utf8');
    const b = await readFile(path);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
}
