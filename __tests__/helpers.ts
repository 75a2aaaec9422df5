/** Test helpers: throw-away repositories built from a map of path -> content. */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { lint, type Report, type LintOptions } from '../src/lint.js'
import { validate } from '../src/requirements/validate.js'

const made: string[] = []

export function makeRepo(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'pat-lint-test-'))
  made.push(root)
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path)
    mkdirSync(dirname(abs), { recursive: true })
    writeFileSync(abs, content)
  }
  return root
}

export function cleanRepos(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true })
}

/** lint() with the requirements schema loaded, as the entry points load it when a file is there. */
export function lintRepo(root: string, options: LintOptions = {}): Report {
  return lint(root, { validate, ...options })
}

/** Lints a repository holding one workflow (and optionally more files). */
export function lintWorkflow(workflow: string, more: Record<string, string> = {}, options: LintOptions = {}): Report {
  return lintRepo(makeRepo({ '.github/workflows/ci.yml': workflow, ...more }), options)
}

/** Every use in a report as `SECRET kind line:column`. */
export function useSummary(report: Report): string[] {
  return report.tokens.flatMap((t) => t.uses.map((u) => `${t.secret} ${u.kind} ${u.line}:${u.column}`))
}

/** Strips the common leading indentation of a template literal, so fixtures read naturally. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '')
  const lines = text.replace(/^\n/, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length))
  return lines.map((l) => l.slice(indent)).join('\n')
}

/** `line:column` (1-based) of the n-th occurrence of `needle` in `text`, found by plain search. */
export function posOf(text: string, needle: string, nth = 0): string {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`${needle} not found`)
  }
  const before = text.slice(0, at).split('\n')
  return `${before.length}:${before[before.length - 1].length + 1}`
}
