/**
 * What a `git config` command in a run script tells git about where credentials go: a URL
 * rewrite (`url.<base>.insteadOf <prefix>`), a remote's URL, a credential for the URLs under a
 * prefix (`http.<url>.extraheader`, `credential.<url>.helper`), or some other key. And the rules
 * in force, so that each git command's URL is matched to the one rule of each kind git applies.
 */

export type GitConfigSet =
  /** `url.<base>.insteadOf <prefix>` (`pushInsteadOf`: for pushes only). */
  | { kind: 'rewrite'; base: string; prefix: string; push: boolean }
  /** `remote.<name>.url <url>` (or `pushurl`). */
  | { kind: 'remote-url'; remote: string; url: string }
  /** `http.<url>.extraheader` or `credential.<url>.helper`: for URLs under `prefix` (all when empty). */
  | { kind: 'credential'; mechanism: 'extraheader' | 'helper'; prefix: string }
  /** Any other key, as written. */
  | { kind: 'other'; key: string }

/** Options of `git config` that take a value, so that the value is not read as the key. */
const OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(['-f', '--file', '--blob', '--type', '--default', '--comment'])

/** The key and value a `git config` command sets; null for reads, unsets and anything else. */
export function gitConfigSet(words: string[]): GitConfigSet | null {
  const at = words.indexOf('config')
  if (words[0] !== 'git' || at < 0) return null
  const args: string[] = []
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i]
    if (w.startsWith('-')) {
      if (/^--(unset|unset-all|get|get-all|get-regexp|list|remove-section|rename-section|edit)$|^-[le]$/.test(w)) return null
      if (OPTIONS_WITH_VALUE.has(w)) i++
      continue
    }
    args.push(w)
  }
  const [key, value] = args
  if (key === undefined || value === undefined) return null
  const rewrite = /^url\.(.+)\.(insteadof|pushinsteadof)$/i.exec(key)
  if (rewrite) return { kind: 'rewrite', base: rewrite[1], prefix: value, push: rewrite[2].toLowerCase() === 'pushinsteadof' }
  const remote = /^remote\.(.+)\.(url|pushurl)$/i.exec(key)
  if (remote) return { kind: 'remote-url', remote: remote[1], url: value }
  const header = /^http\.(?:(.+)\.)?extraheader$/i.exec(key)
  if (header) return { kind: 'credential', mechanism: 'extraheader', prefix: header[1] ?? '' }
  const helper = /^credential\.(?:(.+)\.)?helper$/i.exec(key)
  if (helper) return { kind: 'credential', mechanism: 'helper', prefix: helper[1] ?? '' }
  return { kind: 'other', key }
}

interface PrefixNode {
  next: Map<string, PrefixNode>
  /** The rule in force for exactly this prefix. */
  rule?: number
}

/**
 * Rules by URL prefix, in the order a script sets them: git applies the one with the longest
 * prefix that matches a URL, and a trie finds it in one walk along the URL, however many rules
 * there are. Of rules with the same prefix, rewrites keep the first (git takes the first of
 * equally long matches) and credential keys the last (setting a key again replaces its value).
 */
export class PrefixRules {
  private readonly root: PrefixNode = { next: new Map() }

  constructor(private readonly keep: 'first' | 'last') {}

  add(prefix: string, rule: number): void {
    let node = this.root
    for (const ch of prefix) {
      let child = node.next.get(ch)
      if (!child) node.next.set(ch, (child = { next: new Map() }))
      node = child
    }
    if (node.rule === undefined || this.keep === 'last') node.rule = rule
  }

  /** The rule git applies to `url`, if any. */
  match(url: string): number | undefined {
    let node: PrefixNode | undefined = this.root
    let found = node.rule
    for (const ch of url) {
      node = node.next.get(ch)
      if (!node) break
      if (node.rule !== undefined) found = node.rule
    }
    return found
  }
}
