import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { invalidParameterValue } from '../protocol/aws-error';

export type StoredCode = { id: string; sha256: string; size: number };

/**
 * Function code by content: each ZIP is kept once under its SHA-256 and unpacked once, so versions
 * sharing code share a directory, and a restart finds it on disk.
 */
export class CodeStore {
  constructor(private readonly root: string) {
    mkdirSync(root, { recursive: true });
    // On AWS nothing above /var/task declares a module type. Here the code may sit inside a project
    // whose package.json says "type": "module" (ours does): this manifest ends Node's search for the
    // nearest one, so a CommonJS index.js stays CommonJS and a function's own package.json still wins.
    writeFileSync(path.join(root, 'package.json'), `${JSON.stringify({ private: true, type: 'commonjs' })}\n`);
  }

  save(zip: Buffer): StoredCode {
    const digest = createHash('sha256').update(zip).digest();
    const id = digest.toString('hex');
    const dir = this.directory(id);
    if (!existsSync(dir)) this.unpack(zip, dir);
    return { id, sha256: digest.toString('base64'), size: zip.length };
  }

  directory(id: string): string {
    return path.join(this.root, id);
  }

  private unpack(zip: Buffer, dir: string): void {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(zip);
    } catch {
      throw invalidParameterValue('Could not unzip uploaded file. Please check your file, then try to upload again.');
    }
    const staging = `${dir}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    for (const [name, content] of Object.entries(files)) {
      const target = path.resolve(staging, name);
      // A ZIP entry may not write outside the function's directory ("zip slip").
      if (!target.startsWith(`${path.resolve(staging)}${path.sep}`)) {
        throw invalidParameterValue(`Could not unzip uploaded file: entry ${name} leaves the archive root.`);
      }
      if (name.endsWith('/')) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
      // fflate does not expose Unix modes; a custom runtime's entry point must be executable.
      if (name === 'bootstrap') chmodSync(target, 0o755);
    }
    mkdirSync(staging, { recursive: true });
    renameSync(staging, dir);
  }
}
