import { contextRefs, fallsBackToGithubToken, findExpressions } from '../../src/workflow/expressions.js'

const refs = (text: string) =>
  findExpressions(text).flatMap((e) => contextRefs(e).map((r) => `${r.context}:${r.name ?? '*'}@${r.offset}`))

describe('findExpressions', () => {
  it.each([
    ['plain', 'a ${{ secrets.X }} b', [[2, 18, true]]],
    ['two on a line', '${{ a }}${{ b }}', [[0, 8, true], [8, 16, true]]],
    ['braces inside a string literal', "${{ format('}}{0}', secrets.X) }}", [[0, 33, true]]],
    ['escaped quote in a string', "${{ 'it''s }}' }}", [[0, 17, true]]],
    ['never closed', 'x ${{ secrets.X', [[2, 15, false]]],
    ['no expression', 'echo $TOKEN', []],
  ])('%s', (_name, text, expected) => {
    expect(findExpressions(text).map((e) => [e.start, e.end, e.closed])).toEqual(expected)
  })
})

describe('contextRefs', () => {
  it.each([
    ['member access', '${{ secrets.MY_PAT }}', ['secrets:MY_PAT@4']],
    ['index access', "${{ secrets['MY_PAT'] }}", ['secrets:MY_PAT@4']],
    ['case-insensitive context', '${{ SECRETS.x }}', ['secrets:x@4']],
    ['whole context in toJSON', '${{ toJSON(secrets) }}', ['secrets:*@11']],
    ['dynamic index', "${{ secrets[format('{0}_PAT', matrix.env)] }}", ['secrets:*@4', 'matrix:env@30']],
    ['fallback', '${{ secrets.A || github.token }}', ['secrets:A@4', 'github:token@17']],
    ['member named like a context is not a context', '${{ github.event.secrets.X }}', ['github:event@4']],
    ['function call named like a context is skipped', '${{ env(1) }}', []],
    ['string contents are not references', "${{ 'secrets.X' }}", []],
    ['dashes in names', '${{ steps.my-step.outputs.token }}', ['steps:my-step@4']],
  ])('%s', (_name, text, expected) => {
    expect(refs(text)).toEqual(expected)
  })

  it('recognises a fallback to the built-in token', () => {
    const [withFallback] = findExpressions('${{ secrets.A || github.token }}')
    const [without] = findExpressions('${{ secrets.A }}')
    const [viaSecret] = findExpressions('${{ secrets.A || secrets.GITHUB_TOKEN }}')
    expect(fallsBackToGithubToken(withFallback)).toBe(true)
    expect(fallsBackToGithubToken(viaSecret)).toBe(true)
    expect(fallsBackToGithubToken(without)).toBe(false)
  })
})
