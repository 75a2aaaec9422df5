/**
 * src/github/actions-core.ts against the real @actions/core: the same calls must write the same
 * bytes to stdout, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, and leave the same exit code.
 */
import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as real from '@actions/core'
import * as ours from '../../src/github/actions-core.js'

type Core = Pick<typeof ours, 'getInput' | 'setOutput' | 'error' | 'warning' | 'notice' | 'info' | 'setFailed' | 'summary' | 'setSecret'>

const dir = mkdtempSync(join(tmpdir(), 'pat-lint-core-'))
const saved = { ...process.env }
const savedExitCode = process.exitCode

afterEach(() => {
  process.env = { ...saved }
  process.exitCode = savedExitCode
})

/** Runs calls against one implementation with fresh runner files; returns everything it wrote. */
async function observe(core: Core, calls: (core: Core) => unknown, withFiles = true) {
  const output = join(dir, `output-${Math.random()}`)
  const summaryFile = join(dir, `summary-${Math.random()}`)
  writeFileSync(output, '')
  writeFileSync(summaryFile, '')
  if (withFiles) process.env.GITHUB_OUTPUT = output
  else delete process.env.GITHUB_OUTPUT
  process.env.GITHUB_STEP_SUMMARY = summaryFile
  process.exitCode = undefined
  let stdout = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  })
  let result: unknown
  try {
    result = await calls(core)
  } finally {
    spy.mockRestore()
  }
  // file commands use a random heredoc delimiter: compare its shape, not its value
  const outputText = readFileSync(output, 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER')
  return { result, stdout, output: outputText, summary: readFileSync(summaryFile, 'utf8'), exitCode: process.exitCode }
}

async function same(calls: (core: Core) => unknown, withFiles = true) {
  const theirs = await observe(real as unknown as Core, calls, withFiles)
  const mine = await observe(ours, calls, withFiles)
  expect(mine).toEqual(theirs)
  return mine
}

const awkward = 'a % b\r\nc: d, e=f::g'
const props = { file: 'dir/a,b:c.yml', startLine: 3, startColumn: 7, title: 'pat-lint rule: x%y' }

test('inputs are read from INPUT_* with spaces as underscores, upper-cased and trimmed', async () => {
  process.env['INPUT_FAIL-ON'] = '  warning \n'
  process.env.INPUT_MY_INPUT = 'x'
  const seen = await same((core) => [core.getInput('fail-on'), core.getInput('my input'), core.getInput('missing')])
  expect(seen.result).toEqual(['warning', 'x', ''])
})

test('outputs go to GITHUB_OUTPUT as heredocs, or to stdout as set-output without it', async () => {
  const withFile = await same((core) => {
    core.setOutput('findings', '3')
    core.setOutput('creation-links', '{"A":"https://github.com/x?y=1&z=2"}\nsecond line')
  })
  expect(withFile.output).toContain('findings<<DELIMITER')
  const withoutFile = await same((core) => core.setOutput('findings', awkward), false)
  expect(withoutFile.stdout).toContain('::set-output name=findings::')
})

test('annotations escape properties and messages the same way', async () => {
  const seen = await same((core) => {
    core.error(awkward, props)
    core.warning(awkward, { file: 'x.yml' })
    core.notice(awkward)
    core.info(awkward)
  })
  expect(seen.stdout).toMatch(/^::error title=pat-lint rule%3A x%25y,file=dir\/a%2Cb%3Ac\.yml,line=3,col=7::a %25 b%0D%0Ac: d, e=f::g$/m)
})

test('setSecret writes the same add-mask command, escaped the same way', async () => {
  const seen = await same((core) => {
    core.setSecret('ghp_abc%def')
    core.setSecret(awkward)
  })
  expect(seen.stdout).toContain('::add-mask::ghp_abc%25def')
})

test('setFailed sets exit code 1 and writes an error annotation', async () => {
  const seen = await same((core) => core.setFailed('pat-lint: 2 findings at or above error'))
  expect(seen.exitCode).toBe(1)
  expect(seen.stdout).toContain('::error::pat-lint: 2 findings at or above error')
})

test('the job summary is @actions/core\'s own instance, appending markdown to GITHUB_STEP_SUMMARY', async () => {
  expect(ours.summary).toBe(real.summary)
  const seen = await observe(ours, async (core) => {
    await core.summary.addRaw('## pat-lint\n| a | b |').write()
  })
  expect(seen.summary).toBe('## pat-lint\n| a | b |')
})
