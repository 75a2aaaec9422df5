import { pushesOtherRef } from '../../src/knowledge/git.js'

describe('a push refspec that moves a branch onto another ref\'s commits', () => {
  it.each<[string[], boolean]>([
    [['origin', 'main:gh-pages'], true],
    [['origin', '+upstream/main:refs/heads/main'], true],
    [['origin', 'HEAD:main'], false],
    [['origin', 'main:main'], false],
    [['origin', 'refs/tags/v1:refs/tags/v1'], false],
    [['https://github.com/octo/x.git', 'HEAD'], false],
    [['git@github.com:octo/x.git', 'main'], false],
    [['origin'], false],
  ])('%j -> %s', (args, expected) => {
    expect(pushesOtherRef(args)).toBe(expected)
  })
})
