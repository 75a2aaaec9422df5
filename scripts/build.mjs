#!/usr/bin/env node
// Bundles the two entry points with ncc into dist/index.js (the Action) and dist/cli.js (the CLI).
// Both are ESM (package.json "type": "module"); licences of the runtime dependencies go to dist/licenses.txt.
import ncc from '@vercel/ncc'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })

for (const [entry, out] of [['src/index.ts', 'index.js'], ['src/cli.ts', 'cli.js']]) {
  const { code, assets } = await ncc(join(root, entry), { minify: false, sourceMap: false, quiet: true, target: 'es2022' })
  // Each entry's chunks carry its name (239.index.js, 239.cli.js): webpack numbers chunks per
  // bundle, so the same number may hold different code in the two.
  const suffix = out.replace(/\.js$/, '')
  const marker = 'return "" + chunkId + ".index.js";'
  if (Object.keys(assets ?? {}).some((n) => /^\d+\.index\.js$/.test(n)) && !code.includes(marker)) throw new Error(`${entry}: ncc's chunk loader changed; update scripts/build.mjs`)
  let text = code.replace(marker, `return "" + chunkId + ".${suffix}.js";`)
  text = text.startsWith('#!') || out !== 'cli.js' ? text : `#!/usr/bin/env node\n${text}`
  writeFileSync(join(dist, out), text)
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (/^\d+\.index\.js$/.test(name)) {
      // A chunk for a dynamic import (octokit, loaded only to comment or read actions' source;
      // zod, loaded only to read a requirements file): it sits beside its entry.
      const path = join(dist, name.replace(/\.index\.js$/, `.${suffix}.js`))
      if (existsSync(path) && !readFileSync(path).equals(Buffer.from(asset.source))) throw new Error(`chunk ${name} from ${entry} would overwrite another`)
      writeFileSync(path, asset.source)
    } else if (name !== 'package.json') throw new Error(`unexpected asset ${name} from ${entry}: bundle it or list it here`)
  }
}
chmodSync(join(dist, 'cli.js'), 0o755)
// One licence file: ncc's per-bundle files lose the packages of the main chunk once a bundle has
// chunks of its own, so every runtime dependency (transitively, from node_modules) is listed
// with its licence text: a superset of what the bundles hold.
writeFileSync(join(dist, 'licenses.txt'), dependencyLicences().join('\n\n') + '\n')

function dependencyLicences() {
  const seen = new Map()
  const visit = (name, from) => {
    if (seen.has(name)) return
    let dir = from
    // Node's lookup: the nearest node_modules holding the package.
    while (!existsSync(join(dir, 'node_modules', name, 'package.json'))) {
      const up = dirname(dir)
      if (up === dir) throw new Error(`dependency ${name} is not installed`)
      dir = up
    }
    const pkgDir = join(dir, 'node_modules', name)
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
    const file = readdirSync(pkgDir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f))
    seen.set(name, `${name}\n${pkg.license ?? 'UNKNOWN'}\n${file ? readFileSync(join(pkgDir, file), 'utf8').trim() : ''}`.trim())
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, pkgDir)
  }
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  for (const dep of Object.keys(own.dependencies ?? {})) visit(dep, root)
  return [...seen.keys()].sort().map((k) => seen.get(k))
}
writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'module' }) + '\n')
console.log('built dist/index.js and dist/cli.js')
