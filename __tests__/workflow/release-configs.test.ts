/** Release tools' configurations are read before the analysis, inside the repository and within a bound. */
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_READS, readReleaseConfigs } from '../../src/workflow/release-configs.js'
import type { WorkflowInfo } from '../../src/workflow/model.js'

function model(steps: { run?: string; workingDirectory?: string }[]): WorkflowInfo {
  return {
    file: '.github/workflows/r.yml', kind: 'workflow', triggers: [], env: {}, callSecrets: [],
    jobs: [{ id: 'r', with: {}, env: {}, secretsInherit: false, matrix: {}, pos: { file: 'x', line: 1, column: 1 }, steps: steps.map((s, index) => ({ index, with: {}, env: {}, pos: { file: 'x', line: 1, column: 1 }, ...(s.run ? { run: { value: s.run, pos: { file: 'x', line: 1, column: 1 } } } : {}), ...(s.workingDirectory ? { workingDirectory: s.workingDirectory } : {}) })) }],
  } as unknown as WorkflowInfo
}

describe('readReleaseConfigs', () => {
  it('reads the configuration where the step starts and where it cds, and nothing outside the repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'rc-'))
    const outside = mkdtempSync(join(tmpdir(), 'rc-out-'))
    writeFileSync(join(outside, 'package.json'), '{"release":{}}')
    mkdirSync(join(root, 'app'))
    writeFileSync(join(root, 'app', '.releaserc.json'), '{}')
    symlinkSync(outside, join(root, 'out'))
    const files = new Map<string, string | null>()
    readReleaseConfigs(root, [model([{ run: 'cd app && npx semantic-release' }, { run: 'cd ../.. && npx semantic-release' }, { run: 'npx semantic-release', workingDirectory: 'out' }])], files)
    expect(files.get('app/.releaserc.json')).toBe('{}')
    expect(files.get('out/package.json') ?? null).toBeNull()
    expect([...files.keys()].some((k) => k.includes('..'))).toBe(false)
  })

  it('reads at most MAX_READS paths in a run', () => {
    const root = mkdtempSync(join(tmpdir(), 'rc-'))
    const steps = Array.from({ length: 400 }, (_, i) => ({ run: `cd d${i} && goreleaser release` }))
    const files = new Map<string, string | null>()
    readReleaseConfigs(root, [model(steps)], files)
    expect(files.size).toBe(MAX_READS)
  })
})
