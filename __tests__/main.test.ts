/**
 * run() with its @actions/core layer (src/github/actions-core.ts) mocked, GitHub's template style:
 * inputs in, one setFailed at most, outputs and annotations out. The end-to-end tests run the real bundle; these pin the logic.
 */
import { jest } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const inputs: Record<string, string> = {}
const core = {
  getInput: jest.fn((name: string) => inputs[name] ?? ''),
  setOutput: jest.fn(),
  setFailed: jest.fn(),
  error: jest.fn(),
  warning: jest.fn(),
  notice: jest.fn(),
  info: jest.fn(),
  summary: { addRaw: jest.fn(() => ({ write: jest.fn(async () => undefined) })) },
}
jest.unstable_mockModule('../src/github/actions-core.js', () => core)
const { run } = await import('../src/main.js')

const outputs = () => Object.fromEntries(core.setOutput.mock.calls as [string, string][])

beforeEach(() => {
  for (const k of Object.keys(inputs)) delete inputs[k]
  for (const f of [core.getInput, core.setOutput, core.setFailed, core.error, core.warning, core.notice, core.info]) f.mockClear()
  process.env.GITHUB_WORKSPACE = resolve('examples/demo')
  process.env.GITHUB_REPOSITORY = 'octo-org/demo'
  process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'pat-lint-main-'))
  delete process.env.GITHUB_EVENT_PATH
  delete process.env.GITHUB_STEP_SUMMARY
})

describe('run()', () => {
  it('fails once on the demo\'s over-scoped requests, after setting every output', async () => {
    await run()
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed).toHaveBeenCalledWith('pat-lint: 2 findings at or above error')
    const out = outputs()
    expect(Number(out.findings)).toBeGreaterThan(2)
    expect(out.errors).toBe('0')
    expect(JSON.parse(out['creation-links']).DOCS_DISPATCH_PAT).toMatch(/^https:\/\/github\.com\/settings\/personal-access-tokens\/new\?/)
    expect(core.error).toHaveBeenCalledWith(expect.stringContaining('DOCS_DISPATCH_PAT requests pull_requests: write'), expect.objectContaining({ file: '.github/pat-requirements.yml', startLine: 12, startColumn: 7 }))
  })

  it('with fail-on: never it never fails, and without a pull request it says so in a notice', async () => {
    inputs['fail-on'] = 'never'
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.notice).toHaveBeenCalledWith(expect.stringMatching(/writes its comment on pull requests/))
  })

  it('a bad input is one clear failure', async () => {
    inputs['max-expiry-days'] = '400'
    await run()
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed).toHaveBeenCalledWith('pat-lint: input max-expiry-days must be a whole number from 1 to 366')
  })

  it('a path outside the workspace is refused', async () => {
    inputs.path = '../..'
    await run()
    expect(core.setFailed).toHaveBeenCalledWith('pat-lint: input path ../.. leads outside the workspace')
  })
})
