/**
 * Property-based tests: random and mutated inputs never throw out of the public functions that
 * read repository content. Mutations start from real shapes (expressions, scripts, requirements).
 */
import fc from 'fast-check'
import { contextRefs, findExpressions } from '../src/workflow/expressions.js'
import { analyseScript } from '../src/analysis/script/analyse.js'
import { Memo } from '../src/analysis/memo.js'
import { parseCommands } from '../src/analysis/shell.js'
import { parseRequirements } from '../src/requirements/load.js'
import { validate } from '../src/requirements/validate.js'
import { parseSource } from '../src/workflow/parse.js'
import { TreeWalker } from '../src/workflow/tree.js'
import { buildModel } from '../src/workflow/model.js'
import { findSecretUses } from '../src/workflow/flows.js'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { lintRepo as lint } from './helpers.js'
import { formatJson } from '../src/report/json.js'
import { formatSarif } from '../src/report/sarif.js'
import { formatText } from '../src/report/text.js'
import { formatMarkdown } from '../src/report/markdown.js'
import { buildComment } from '../src/report/comment.js'
import { cleanRepos, makeRepo } from './helpers.js'

/** A string made of pieces that matter to the parser under test, plus noise. */
const pieces = (parts: string[]) => fc.array(fc.oneof(fc.constantFrom(...parts), fc.string({ maxLength: 6 }), fc.string({ maxLength: 3, unit: 'grapheme' })), { maxLength: 40 }).map((a) => a.join(''))

const EXPRESSION_PARTS = ['${{', '}}', "'", "''", 'secrets', '.', '[', ']', '(', ')', 'toJSON', 'env', 'github.token', '||', ' ', 'X_PAT', '\n']
const SHELL_PARTS = ['gh ', 'api ', 'pr create', 'curl ', '-X ', 'POST ', 'https://api.github.com/repos/o/r/dispatches', '$T', '${T}', 'git push ', 'git clone https://$T@github.com/o/r', '"', "'", '\\', '\n', ';', '&&', '|', '$(', ')', '`', '<<EOF\n', 'EOF\n', '#', 'docker login ghcr.io', '${{ secrets.X }}', '> ~/.ssh/id_rsa']
const REQUIREMENTS_PARTS = ['version: 1\n', 'tokens:\n', '  A:\n', '    type: fine-grained\n', '    type: classic\n', '    permissions:\n', '      contents: write\n', '      contens: read\n', '    scopes: [repo]\n', '    expires-in: 0\n', '    expires-in: none\n', '    repositories: all\n', '&a ', '*a', '{', '}', '[', ']', ': ', '- ', '\t', '"', '\n']

describe('properties', () => {
  it('the expression scanner never throws and its offsets stay inside the text', () => {
    fc.assert(
      fc.property(pieces(EXPRESSION_PARTS), (text) => {
        for (const e of findExpressions(text)) {
          expect(e.start).toBeGreaterThanOrEqual(0)
          expect(e.end).toBeLessThanOrEqual(text.length)
          for (const r of contextRefs(e)) expect(r.offset).toBeLessThan(text.length)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('the run-script analysis never throws', () => {
    fc.assert(
      fc.property(pieces(SHELL_PARTS), fc.constantFrom('T', 'GH_TOKEN'), (script, v) => {
        parseCommands(script)
        const a = analyseScript(script, { self: 'o/app', tokenVars: new Set([v]), env: { T: 'o/x' }, memo: new Memo() })
        expect(Array.isArray(a.calls)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('the requirements loader never throws and reports errors with positions', () => {
    fc.assert(
      fc.property(pieces(REQUIREMENTS_PARTS), (text) => {
        const r = parseRequirements('r.yml', text, validate)
        for (const e of r.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1)
          expect(e.column).toBeGreaterThanOrEqual(1)
          expect(e.message.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('the workflow scanner never throws on mutated workflows', () => {
    const base = 'on: push\nenv:\n  A: ${{ secrets.A_PAT }}\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ env.A }}\n      - run: gh pr list\n        env:\n          GH_TOKEN: ${{ secrets.B_PAT }}\n'
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.length }), fc.integer({ min: 0, max: 20 }), pieces([...EXPRESSION_PARTS, ':', '- ', '  ', '&x', '*x']), (at, cut, insert) => {
        const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut))
        const { file } = parseSource({ path: 'w.yml', kind: 'workflow', text })
        if (!file.root) return
        const w = new TreeWalker(file)
        findSecretUses(w, buildModel(w))
      }),
      { numRuns: 500 },
    )
  })

  it('the whole pipeline, down to every report format, survives mutated workflows, actions and requirements', () => {
    // The demo repository (workflows, a composite action, requirements) is the seed.
    const demo = 'examples/demo'
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    const seeds = Object.fromEntries(walk(demo).map((f) => [relative(demo, f).split(sep).join('/'), readFileSync(f, 'utf8')]))
    const noise = pieces([...EXPRESSION_PARTS, ...SHELL_PARTS, ...REQUIREMENTS_PARTS, '- ', '  ', '&x', '*x', '\r\n', '\uFEFF', 'uses: ./.github/actions/notify', 'secrets: inherit'])
    const mutation = fc.record({ file: fc.constantFrom(...Object.keys(seeds)), at: fc.nat(), cut: fc.integer({ min: 0, max: 40 }), insert: noise })
    const comment = { server: 'https://github.com', repository: 'octo-org/demo', headSha: null, failOn: 'error' as const, changes: null, maxExpiryDays: 90 }
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const files = { ...seeds }
        for (const m of mutations) {
          const text = files[m.file]
          const at = m.at % (text.length + 1)
          files[m.file] = text.slice(0, at) + m.insert + text.slice(at + m.cut)
        }
        try {
          const report = lint(makeRepo(files), { repository: 'octo-org/demo' })
          for (const format of [formatJson, formatSarif, formatText, (r: typeof report) => formatMarkdown(r), (r: typeof report) => buildComment(r, comment)]) {
            expect(typeof format(report)).toBe('string')
          }
          // A bug of ours caught by a safety net still reads "please report it": none may show.
          expect(JSON.stringify(report)).not.toMatch(/please report it/)
          const places = [...report.findings, ...report.errors, ...report.tokens.flatMap((t) => t.uses)]
          for (const p of places) {
            if (!p.file || !(p.file in files) || p.line == null) continue
            expect(p.line).toBeGreaterThanOrEqual(1)
            expect(p.line).toBeLessThanOrEqual(files[p.file].split(/\r\n|\r|\n/).length + 1)
          }
        } finally {
          cleanRepos()
        }
      }),
      { numRuns: 100 },
    )
  })
})
