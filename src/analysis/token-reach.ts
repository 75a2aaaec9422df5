/**
 * The repositories a token's uses reach, as the request rules compare them with a declaration:
 * lower-cased, with the linted repository when a use acts on it, and their owners. Worked out once
 * per verdict: callers of one reusable workflow share a verdict, so thousands of tokens reaching
 * thousands of repositories cost one set, not one each.
 */
import type { Memo } from './memo.js'
import type { TokenVerdict } from './token.js'

export interface Reach {
  /** Lower-cased repositories, each with how many of the verdict's entries it stands for. */
  repositories: Map<string, number>
  owners: Set<string>
}

export function reachOf(verdict: TokenVerdict, self: string | null, memo: Memo): Reach {
  const bySelf = memo.once('reach of a verdict', verdict, () => new Map<string | null, Reach>())
  let reach = bySelf.get(self)
  if (!reach) {
    const repositories = new Map<string, number>()
    for (const repo of [...verdict.repositories, ...(self && verdict.ownRepository ? [self] : [])]) {
      const key = repo.toLowerCase()
      repositories.set(key, (repositories.get(key) ?? 0) + 1)
    }
    reach = { repositories, owners: new Set([...repositories.keys()].map((r) => r.split('/')[0])) }
    bySelf.set(self, reach)
  }
  return reach
}
