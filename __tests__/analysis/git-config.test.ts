/** Reading `git config` commands, and picking the rule git applies to a URL. */
import { gitConfigSet, PrefixRules } from '../../src/analysis/git-config.js'

const words = (line: string) => line.split(' ')

describe('gitConfigSet', () => {
  it.each([
    ['git config --global url.https://x:$T@github.com/.insteadOf https://github.com/', { kind: 'rewrite', base: 'https://x:$T@github.com/', prefix: 'https://github.com/', push: false }],
    ['git config --file f url.B.pushInsteadOf P', { kind: 'rewrite', base: 'B', prefix: 'P', push: true }],
    ['git config remote.up.pushurl https://github.com/o/r', { kind: 'remote-url', remote: 'up', url: 'https://github.com/o/r' }],
    ['git config --global http.https://github.com/.extraheader AUTH', { kind: 'credential', mechanism: 'extraheader', prefix: 'https://github.com/' }],
    ['git config credential.helper store', { kind: 'credential', mechanism: 'helper', prefix: '' }],
    ['git config --global user.name bot', { kind: 'other', key: 'user.name' }],
  ])('%s', (line, expected) => {
    expect(gitConfigSet(words(line))).toEqual(expected)
  })

  it('reads, unsets and keys without a value set nothing', () => {
    for (const line of ['git config --get remote.origin.url', 'git config --unset http.https://github.com/.extraheader', 'git config -l', 'git config user.name', 'git status']) {
      expect(gitConfigSet(words(line))).toBeNull()
    }
  })
})

describe('PrefixRules', () => {
  it('the longest matching prefix wins; of equal prefixes, the first or the last as asked', () => {
    const first = new PrefixRules('first')
    const last = new PrefixRules('last')
    for (const [prefix, rule] of [['https://github.com/', 1], ['https://github.com/o/', 2], ['https://github.com/', 3]] as const) {
      first.add(prefix, rule)
      last.add(prefix, rule)
    }
    expect(first.match('https://github.com/o/r')).toBe(2)
    expect(first.match('https://github.com/p/r')).toBe(1)
    expect(last.match('https://github.com/p/r')).toBe(3)
    expect(first.match('https://gitlab.com/o/r')).toBeUndefined()
    last.add('', 4)
    expect(last.match('https://gitlab.com/o/r')).toBe(4)
  })
})
