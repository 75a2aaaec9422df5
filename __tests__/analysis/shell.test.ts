import { flagValue, parseCommands } from '../../src/analysis/shell.js'

const words = (script: string) => parseCommands(script).map((c) => `${c.line}:${c.words.join(' ')}`)

describe('shell parsing of run scripts', () => {
  it.each<[string, string, string[]]>([
    ['separators', 'a x; b y && c || d | e', ['1:a x', '1:b y', '1:c', '1:d', '1:e']],
    ['continuations', 'gh api repos/o/r \\\n  -f x=1\nnext', ['1:gh api repos/o/r -f x=1', '3:next']],
    ['quotes', `echo "a b" 'c d'`, ['1:echo a b c d']],
    ['env prefixes and sudo', 'GH_TOKEN=x sudo -E gh pr list', ['1:-E gh pr list']],
    ['command substitution', 'echo X=$(gh repo fork --clone=false 2>&1)', ['1:gh repo fork --clone=false 2>&1', '1:echo X=$(gh repo fork --clone=false 2>&1)']],
    ['backticks', 'A=`gh pr list`', ['1:gh pr list']],
    ['here-document bodies are data', 'cat <<EOF > f\ngh pr create\nEOF\ngh pr list', ['1:cat <<EOF > f', '4:gh pr list']],
    ['comments', 'gh pr list # gh pr merge\n# gh repo delete', ['1:gh pr list']],
  ])('%s', (_name, script, expected) => {
    expect(words(script)).toEqual(expected)
  })

  it.each<[string[], string | undefined]>([
    [['curl', '-X', 'POST'], 'POST'],
    [['curl', '-XPOST'], 'POST'],
    [['curl', '--request=PATCH'], 'PATCH'],
    [['curl', '--request', 'PUT'], 'PUT'],
    [['curl', 'https://x'], undefined],
  ])('flagValue %j', (w, expected) => {
    expect(flagValue(w, ['-X'], ['--request'])).toBe(expected)
  })
})
