import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type ChunkSize = { file: string; bytes: number; gzip: number; brotli: number };

export type FirstLoadJs = {
  route: string;
  chunks: ChunkSize[];
  total: { bytes: number; gzip: number; brotli: number };
  builtAt: Date;
  /** Notes for the reader: a build run here, sources newer than the build, Next's own figure. */
  notes: string[];
};

/**
 * The JS a browser downloads to first show an App Router page, from the build's manifests — the
 * computation Next 16 itself writes to .next/diagnostics/route-bundle-stats.json (it no longer
 * prints sizes): node_modules/next/dist/build/route-bundle-stats.js takes
 *   - build-manifest.json `rootMainFiles`: the runtime and framework every app page loads, and
 *   - the page's client reference manifest (server/app/<app path>_client-reference-manifest.js,
 *     which sets globalThis.__RSC_MANIFEST[<app path>]) `entryJSFiles`: the chunks of each segment
 *     on the way to the page (root layout, group layout, error and not-found boundaries, page),
 * and sums the union of their .js files. Polyfills (nomodule) and the Pages Router's
 * lowPriorityFiles are not loaded by a modern browser on an app page, so they are not counted.
 * Sizes are measured here, uncompressed and compressed as a CDN would send them (gzip -9, brotli 11);
 * when Next's own stats file is there, its list of chunks must be the same.
 */
export function measureFirstLoadJs(options: { projectDir: string; route: string; build: boolean }): FirstLoadJs {
  const distDir = path.join(options.projectDir, '.next');
  const notes: string[] = [];
  if (options.build || !existsSync(path.join(distDir, 'BUILD_ID'))) {
    notes.push(options.build ? 'ran `npx next build` (--build)' : 'no build in .next/: ran `npx next build` first');
    const result = spawnSync('npx', ['next', 'build'], { cwd: options.projectDir, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  }
  const builtAt = statSync(path.join(distDir, 'BUILD_ID')).mtime;
  const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(distDir, file), 'utf8')) as T;
  const routes = readJson<Record<string, string>>('app-path-routes-manifest.json');
  const appPath = Object.keys(routes).find((key) => routes[key] === options.route && key.endsWith('/page'));
  if (!appPath) throw new Error(`no app page for ${options.route} in .next/app-path-routes-manifest.json`);
  const { rootMainFiles = [] } = readJson<{ rootMainFiles?: string[] }>('build-manifest.json');
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(path.join(distDir, 'server', 'app', `${appPath}_client-reference-manifest.js`), 'utf8'), sandbox);
  const entryJSFiles = sandbox.__RSC_MANIFEST?.[appPath]?.entryJSFiles;
  if (!entryJSFiles) throw new Error(`no entryJSFiles for ${appPath} in its client reference manifest`);
  const files = [...new Set([...Object.values(entryJSFiles).flat(), ...rootMainFiles])].filter((file) => file.endsWith('.js'));

  const chunks = files.map((file) => {
    const content = readFileSync(path.join(distDir, file));
    return {
      file,
      bytes: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }).length,
    };
  });
  const total = chunks.reduce((sum, chunk) => ({ bytes: sum.bytes + chunk.bytes, gzip: sum.gzip + chunk.gzip, brotli: sum.brotli + chunk.brotli }), { bytes: 0, gzip: 0, brotli: 0 });

  const statsFile = path.join(distDir, 'diagnostics', 'route-bundle-stats.json');
  if (existsSync(statsFile)) {
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Array<{ route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] }>;
    const own = stats.find((row) => row.route === options.route);
    const ownFiles = new Set(own?.firstLoadChunkPaths.map((file) => path.relative(distDir, path.join(options.projectDir, file))));
    const same = own !== undefined && ownFiles.size === files.length && files.every((file) => ownFiles.has(file));
    notes.push(
      same
        ? `the same ${files.length} chunks as Next's own .next/diagnostics/route-bundle-stats.json (${own.firstLoadUncompressedJsBytes.toLocaleString('en-US')} B uncompressed)`
        : `Next's .next/diagnostics/route-bundle-stats.json lists other chunks: ${own ? own.firstLoadChunkPaths.join(', ') : 'none for this route'}`,
    );
  }
  const newer = newestSource(options.projectDir);
  if (newer && newer.mtime > builtAt) notes.push(`the build predates ${newer.file} (changed ${newer.mtime.toISOString()}): run with --build for current sizes`);
  return { route: options.route, chunks, total, builtAt, notes };
}

/** The newest file under app/, lib/ and the project's build configuration: what the client bundles come from. */
function newestSource(projectDir: string): { file: string; mtime: Date } | null {
  let newest: { file: string; mtime: Date } | null = null;
  const visit = (relative: string) => {
    const full = path.join(projectDir, relative);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(full)) if (entry !== 'generated' && entry !== 'node_modules') visit(path.join(relative, entry));
    } else if (!newest || stat.mtime > newest.mtime) newest = { file: relative, mtime: stat.mtime };
  };
  for (const root of ['app', 'lib', 'next.config.mjs', 'next.config.js', 'next.config.ts', 'package-lock.json']) visit(root);
  return newest;
}
