/**
 * Every cache of one run's analysis, owned by the run: thousands of tokens ask the same questions
 * of one step, one job or one script, and each answer is worked out once. Nothing here outlives
 * the run, and no table keyed by text the repository controls grows without a bound.
 */
import { BoundedMap } from '../bounded-map.js'
import { newRunStats, type RunStats } from '../run-stats.js'
import { VariableReads } from '../workflow/variable-reads.js'

/** The tables keyed by objects of the run (a job, a step, a script's `run:` value, an environment). */
export type ObjectTable =
  | 'script index' // analysis/script/command-index.ts: a script's commands, indexed once per step
  | 'secrets of an environment' // analysis/script/command-index.ts: up to two secrets per env layer
  | 'repositories over the matrix' // analysis/steps/target.ts
  | 'names written to $GITHUB_ENV' // analysis/steps/target.ts
  | 'checkouts by path' // analysis/steps/target.ts
  | 'unknown action steps' // analysis/steps/action-step.ts: one answer per step for an unknown action
  | 'action names' // analysis/steps/action-step.ts
  | 'environment layers' // analysis/steps/run-step.ts: the env chain of a step
  | 'pushes of a job' // analysis/steps/later-steps.ts
  | 'repositories placed by a job' // analysis/steps/run-step.ts
  | 'opaque steps of a job' // analysis/env-consumers.ts
  | 'comments of a file' // analysis/stated-reason.ts
  | 'reach of a verdict' // analysis/token-reach.ts
  | 'verdict of a single use' // analysis/token.ts
  | 'gh commands of a script' // analysis/script/gh.ts: per environment, what each gh command asks

/** The tables keyed by names the files hold (a composite action and its input, a called workflow). */
export type TextTable =
  | 'secrets named in a word' // analysis/script/words.ts
  | 'composite analyses' // analysis/use.ts
  | 'reusable decisions' // analysis/use.ts
  | 'composite decisions' // analysis/use.ts
  | 'listeners besides a workflow' // analysis/use.ts
  | 'release configurations' // analysis/script/semantic-release.ts
  | 'goreleaser configurations' // analysis/script/goreleaser.ts

/** Past this many entries a text-keyed table starts again: the answers are recomputed, never wrong. */
export const TEXT_TABLE_LIMIT = 20_000

export class Memo {
  private readonly objects = new Map<ObjectTable, WeakMap<object, unknown>>()
  private readonly texts = new Map<TextTable, BoundedMap<string, unknown>>()

  /** Which variables the scripts read, asked for every env binding and its readers. */
  readonly variables = new VariableReads()

  constructor(readonly stats: RunStats = newRunStats()) {}

  /** The table `name`, keyed by objects of the run: an entry lives as long as its key. */
  byObject<K extends object, V>(name: ObjectTable): WeakMap<K, V> {
    let table = this.objects.get(name)
    if (!table) this.objects.set(name, (table = new WeakMap()))
    return table as WeakMap<K, V>
  }

  /** The table `name`, keyed by text the repository controls, bounded by TEXT_TABLE_LIMIT. */
  byText<V>(name: TextTable): BoundedMap<string, V> {
    let table = this.texts.get(name)
    if (!table) this.texts.set(name, (table = new BoundedMap(TEXT_TABLE_LIMIT)))
    return table as BoundedMap<string, V>
  }

  /** What `make` gives for `key`, worked out once per run. */
  once<K extends object, V>(name: ObjectTable, key: K, make: () => V): V {
    const table = this.byObject<K, V>(name)
    if (table.has(key)) return table.get(key) as V
    const value = make()
    table.set(key, value)
    return value
  }
}
