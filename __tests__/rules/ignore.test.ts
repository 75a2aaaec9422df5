/** The requirements file's ignore list, matched to findings by rule, secret and file. */
import { configIgnores } from '../../src/ignore.js'
import type { Finding } from '../../src/types.js'

const finding = (rule: Finding['rule'], secret?: string, file = '.github/workflows/a.yml'): Finding => ({ rule, messageId: 'undeclared', severity: 'warning', message: 'm', file, line: 1, column: 1, ...(secret ? { secret } : {}) })

describe('configIgnores', () => {
  const ignored = configIgnores([
    'pat-expiry',
    { rule: 'undeclared-pat', secret: 'a_pat' },
    { rule: 'unused-pat', file: './.github/workflows/legacy.yml' },
    { rule: 'prefer-github-app', secret: 'B_PAT', file: '.github/workflows/b.yml' },
  ])

  it.each<[string, Finding, boolean]>([
    ['a rule everywhere', finding('pat-expiry', 'ANY'), true],
    ['a rule for one secret, any case', finding('undeclared-pat', 'A_PAT'), true],
    ['...not for another secret', finding('undeclared-pat', 'C_PAT'), false],
    ['...nor for a finding without a secret', finding('undeclared-pat'), false],
    ['a rule in one file, ./ or not', finding('unused-pat', 'X', '.github/workflows/legacy.yml'), true],
    ['...not in another file', finding('unused-pat', 'X'), false],
    ['secret and file together', finding('prefer-github-app', 'B_PAT', '.github/workflows/b.yml'), true],
    ['...not the secret elsewhere', finding('prefer-github-app', 'B_PAT'), false],
    ['...not the file for another secret', finding('prefer-github-app', 'C_PAT', '.github/workflows/b.yml'), false],
    ['a rule not listed', finding('over-scoped-request', 'A_PAT'), false],
  ])('%s', (_name, f, expected) => {
    expect(ignored(f)).toBe(expected)
  })

  it('an empty list ignores nothing', () => {
    expect(configIgnores([])(finding('pat-expiry'))).toBe(false)
  })
})
