/**
 * ESLint's RuleTester shape for pat-lint's rules: `valid` cases make no finding of the rule,
 * `invalid` ones make exactly the findings listed, each by message id and position (never by
 * wording). Fixture workflows under __tests__/fixtures/rules/ label their jobs `# OK` or
 * `# NOT OK[: messageId, …]`: a rule's findings must fall in exactly the NOT OK jobs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RULES_BY_ID } from '../../src/rules/index.js'
import type { Finding, LiveCheck } from '../../src/types.js'
import { cleanRepos, lintWorkflow, posOf } from '../helpers.js'

export const WF = '.github/workflows/ci.yml'
export const RQ = '.github/pat-requirements.yml'
export const FIXTURES = '__tests__/fixtures/rules'

export interface Case {
  name: string
  workflow: string
  /** pat-requirements.yml, when the case has one. */
  requirements?: string
  /** Further files of the repository, by path. */
  files?: Record<string, string>
  repository?: string
  /** What a live check read (the live-check rules run on it). */
  live?: LiveCheck[]
}

/** A finding expected in the workflow (`WF`) or the requirements file (`RQ`), at the `nth` place `near` is written. */
export interface Expected {
  messageId: string
  file?: typeof WF | typeof RQ
  near: string
  nth?: number
  severity?: Finding['severity']
}

export interface InvalidCase extends Case {
  errors: Expected[]
}

function findingsOf(rule: string, c: Case): Finding[] {
  const more: Record<string, string> = { ...(c.files ?? {}), ...(c.requirements === undefined ? {} : { [RQ]: c.requirements }) }
  return lintWorkflow(c.workflow, more, { repository: c.repository ?? 'octo/app', ...(c.live ? { live: c.live } : {}) }).findings.filter((f) => f.rule === rule)
}

export function ruleTester(rule: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  const meta = RULES_BY_ID.get(rule)?.meta
  afterAll(cleanRepos)
  it('is a rule with messages', () => {
    expect(meta).toBeDefined()
    expect(Object.keys(meta!.messages).length).toBeGreaterThan(0)
  })
  describe('valid', () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expect(findingsOf(rule, c).map((f) => `${f.messageId} ${f.file}:${f.line}:${f.column}`)).toEqual([])
    })
  })
  describe('invalid', () => {
    it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const got = findingsOf(rule, c)
      const want = c.errors.map((e) => {
        const file = e.file ?? WF
        const text = file === RQ ? (c.requirements ?? '') : c.workflow
        return `${e.messageId} ${file}:${posOf(text, e.near, e.nth)}`
      })
      expect(got.map((f) => `${f.messageId} ${f.file}:${f.line}:${f.column}`).sort()).toEqual(want.sort())
      for (const e of c.errors) if (e.severity) expect(got.some((f) => f.messageId === e.messageId && f.severity === e.severity)).toBe(true)
      for (const f of got) expect(Object.keys(meta!.messages)).toContain(f.messageId)
    })
  })
}

interface LabelledJob {
  id: string
  from: number
  to: number
  ok: boolean
  messageIds: string[]
}

/** The jobs of a fixture workflow with their labels: `  job-id: # NOT OK: messageId`. */
export function labelledJobs(text: string): LabelledJob[] {
  const lines = text.split('\n')
  const jobsAt = lines.findIndex((l) => /^jobs:\s*(#.*)?$/.test(l))
  const jobs: LabelledJob[] = []
  for (let i = jobsAt + 1; i < lines.length && jobsAt >= 0; i++) {
    const m = /^ {2}([\w-]+):\s*#\s*(NOT OK|OK)\b:?\s*(.*)$/.exec(lines[i])
    if (/^\S/.test(lines[i])) break
    if (!/^ {2}[\w-]+:/.test(lines[i])) continue
    if (!m) throw new Error(`job at line ${i + 1} has no # OK / # NOT OK label`)
    // Lines are 1-based: a job runs from its key's line to the line before the next job's key.
    if (jobs.length) jobs[jobs.length - 1].to = i + 1
    jobs.push({ id: m[1], from: i + 1, to: lines.length + 1, ok: m[2] === 'OK', messageIds: m[3] ? m[3].split(/\s*,\s*/) : [] })
  }
  return jobs
}

/** Checks every fixture of `rule`: `<rule>*.yml`, with `<name>.requirements.yml` beside it when the case needs one. */
export function fixtureTester(rule: string): void {
  const names = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.startsWith(rule) && f.endsWith('.yml') && !f.endsWith('.requirements.yml')) : []
  afterAll(cleanRepos)
  it('has a labelled fixture', () => expect(names.length).toBeGreaterThan(0))
  describe.each(names)('fixture %s', (name) => {
    const workflow = readFileSync(join(FIXTURES, name), 'utf8')
    const reqPath = join(FIXTURES, name.replace(/\.yml$/, '.requirements.yml'))
    const jobs = labelledJobs(workflow)
    const found = findingsOf(rule, { name, workflow, ...(existsSync(reqPath) ? { requirements: readFileSync(reqPath, 'utf8') } : {}) }).filter((f) => f.file === WF)
    it('labels at least one job of each kind', () => {
      expect(jobs.some((j) => j.ok)).toBe(true)
      expect(jobs.some((j) => !j.ok)).toBe(true)
    })
    it.each(jobs.map((j) => [`${j.id} (${j.ok ? 'OK' : 'NOT OK'})`, j] as const))('%s', (_label, job) => {
      const inJob = found.filter((f) => f.line >= job.from && f.line < job.to)
      if (job.ok) expect(inJob.map((f) => `${f.line}:${f.column} ${f.messageId}`)).toEqual([])
      else {
        expect(inJob.length).toBeGreaterThan(0)
        if (job.messageIds.length) expect([...new Set(inJob.map((f) => f.messageId))].sort()).toEqual([...job.messageIds].sort())
      }
    })
  })
}
