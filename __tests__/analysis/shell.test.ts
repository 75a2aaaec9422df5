import { flagValue, MAX_SUBSTITUTION_DEPTH, parseCommands } from '../../src/analysis/shell.js'

const words = (script: string) => parseCommands(script).map((c) => `${c.line}:${c.words.join(' ')}`)

describe('shell parsing of run scripts', () => {
  it.each<[string, string, string[]]>([
    ['separators', 'a x; b y && c || d | e', ['1:a x', '1:b y', '1:c', '1:d', '1:e']],
    ['continuations', 'gh api repos/o/r \\\n  -f x=1\nnext', ['1:gh api repos/o/r -f x=1', '3:next']],
    ['quotes', `echo "a b" 'c d'`, ['1:echo a b c d']],
    ['env prefixes and sudo', 'GH_TOKEN=x sudo -E gh pr list', ['1:gh pr list']],
    ['sudo with a user', 'sudo -u bot make release', ['1:make release']],
    ['a group and its redirection', '{ echo a; make; } > out', ['1:echo a', '1:make']],
    ['a subshell', '( cd x && make )', ['1:cd x', '1:make']],
    ['command substitution', 'echo X=$(gh repo fork --clone=false 2>&1)', ['1:gh repo fork --clone=false 2>&1', '1:echo X=$(gh repo fork --clone=false 2>&1)']],
    ['backticks', 'A=`gh pr list`', ['1:gh pr list']],
    ['here-document bodies are data', 'cat <<EOF > f\ngh pr create\nEOF\ngh pr list', ['1:cat <<EOF > f', '4:gh pr list']],
    ['comments', 'gh pr list # gh pr merge\n# gh repo delete', ['1:gh pr list']],
    ['several continuations, trailing spaces and a last empty line', 'gh pr create \\ \n  --fill \\\n  --draft \\\n\nnext', ['1:gh pr create --fill --draft', '5:next']],
    ['array assignments are data', 'args=(-sf -H "User-Agent: x")\nargs+=(-H "Authorization: Bearer $T")\ncurl "${args[@]}" https://api.github.com/rate_limit', ['3:curl ${args[@]} https://api.github.com/rate_limit']],
    ['a [[ test ]] is one command, its && and || inside', 'if ! [[ "$a" =~ ^[0-9]+$ && ( "$b" == x || -z "$c" ) ]]; then gh pr list; fi', ['1:[[ $a =~ ^[0-9]+$ && ( $b == x || -z $c ) ]]', '1:gh pr list', '1:fi']],
    ['case patterns are not commands', 'case "$path" in\n  docs/* | *.md) ;;\n  *) gh pr close 1 ;;\nesac\nmake', ['1:case $path in', '3:gh pr close 1', '4:esac', '5:make']],
  ])('%s', (_name, script, expected) => {
    expect(words(script)).toEqual(expected)
  })

  it('array assignments, tests and case patterns are read in bounded time on hostile input', () => {
    expect(words('a=(' + 'x '.repeat(200_000))).toEqual([])
    expect(words('[[ ' + '|| '.repeat(200_000)).length).toBe(1)
    expect(words('case x in\n' + 'p) ;;\n'.repeat(50_000) + 'esac')).toHaveLength(2)
  })

  it('reads substitutions inside substitutions as commands down to a depth, deeper ones as words', () => {
    const nested = (n: number) => `${'echo $('.repeat(n)}gh pr create${')'.repeat(n)}`
    expect(words(nested(3)).filter((w) => /gh pr create/.test(w))[0]).toBe('1:gh pr create')
    // The innermost command is past the depth: it is not read as a command, and nothing overflows.
    expect(words(nested(MAX_SUBSTITUTION_DEPTH + 2)).some((w) => w === '1:gh pr create')).toBe(false)
    expect(() => parseCommands(nested(20000))).not.toThrow()
    expect(() => parseCommands(`echo ${'$('.repeat(20000)}`)).not.toThrow()
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

describe('a quoted string over several lines is one word of one command', () => {
  const lines = (script: string) => parseCommands(script).map((c) => `${c.line}: ${c.words[0]}${c.words.length > 1 ? ` ${c.words[1]}` : ''}`)
  it.each<[string, string, string[]]>([
    ['a PR body in double quotes, with escaped backticks', 'gh pr create --body "Merges \\`main\\`.\n\n- Provide a link\nDone." --base next\necho ok', ['1: gh pr', '5: echo ok']],
    ['a quote that closes before a line continuation', 'gh pr create \\\n  --body "a\nb" \\\n  --base next\nls', ['1: gh pr', '5: ls']],
    ['single quotes, where a backslash escapes nothing', "echo 'a\\\nb'\nls", ['1: echo a\\\nb', '3: ls']],
    ['an apostrophe in a comment opens nothing', "ls # it's fine\npwd", ['1: ls', '2: pwd']],
    ['a quote never closed takes the rest of the script', 'echo "open\nnot a command\nnor this', ['1: echo open\nnot a command\nnor this']],
  ])('%s', (_name, script, expected) => {
    expect(lines(script)).toEqual(expected)
  })
})

describe('xargs', () => {
  it.each([
    ['xargs -I {} gh pr close {}', ['gh', 'pr', 'close', '{}']],
    ['xargs -0 -n 1 -P 4 git push origin', ['git', 'push', 'origin']],
    ['xargs -r rm', ['rm']],
  ])('%s runs %j', (script, words) => {
    expect(parseCommands(script)[0].words).toEqual(words)
  })
})
