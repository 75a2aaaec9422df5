#!/usr/bin/env node
// Bundles the two entry points with ncc into dist/index.js (the Action) and dist/cli.js (the CLI).
// Both are ESM (package.json "type": "module"); licences of bundled packages go to dist/licenses.txt.
import ncc from '@vercel/ncc'
import { existsSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })

const licences = new Map()
for (const [entry, out] of [['src/index.ts', 'index.js'], ['src/cli.ts', 'cli.js']]) {
  const { code, assets } = await ncc(join(root, entry), { minify: false, sourceMap: false, license: 'licenses.txt', quiet: true, target: 'es2022' })
  let text = code.startsWith('#!') || out !== 'cli.js' ? code : `#!/usr/bin/env node\n${code}`
  writeFileSync(join(dist, out), text)
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (name === 'licenses.txt') licences.set(out, String(asset.source))
    else if (/^\d+\.index\.js$/.test(name)) {
      // A chunk for a dynamic import (octokit, loaded only to comment): it sits beside its entry.
      if (existsSync(join(dist, name))) throw new Error(`chunk ${name} from ${entry} would overwrite another`)
      writeFileSync(join(dist, name), asset.source)
    } else if (name !== 'package.json') throw new Error(`unexpected asset ${name} from ${entry}: bundle it or list it here`)
  }
}
chmodSync(join(dist, 'cli.js'), 0o755)
// One licence file: the union of both bundles' texts, each package once.
const sections = new Set()
for (const text of licences.values()) for (const s of text.split(/\n\n(?=[^\s])/)) if (s.trim()) sections.add(s.trim())
writeFileSync(join(dist, 'licenses.txt'), [...sections].sort().join('\n\n') + '\n')
writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'module' }) + '\n')
console.log('built dist/index.js and dist/cli.js')
