/** Which steps read an environment variable: their script, the gh CLI, or a known action. */
import type { ActionKnowledge } from '../knowledge/actions.js'
import { GH_TOKEN_VARIABLES } from '../knowledge/gh-commands.js'
import { runReadsEnv, type EnvReader, type VariableReads } from '../workflow/variable-reads.js'
import type { StepInfo } from '../workflow/model.js'

const RUNS_GH = /(^|[\s;&|(`$])gh\s+[a-z]/m

/** Steps read an env variable when their script does, or when a known action reads it. */
export function readsEnvWith(knowledge: ActionKnowledge, variables: VariableReads): EnvReader {
  const byScript = runReadsEnv(variables)
  const tokenEnvOf = (step: StepInfo) => (step.uses ? knowledge.lookup(step.uses.value)?.tokenEnv : undefined) ?? []
  const names = new WeakMap<StepInfo, Set<string>>()
  return {
    reads(step, name) {
      if (byScript.reads(step, name)) return true
      // The gh CLI takes its token from GH_TOKEN or GITHUB_TOKEN (GH_ENTERPRISE_TOKEN on GHES) unasked.
      if (GH_TOKEN_VARIABLES.includes(name) && step.run && RUNS_GH.test(step.run.value)) return true
      return tokenEnvOf(step).includes(name)
    },
    names(step) {
      let out = names.get(step)
      if (!out) {
        out = new Set(byScript.names(step))
        if (step.run && RUNS_GH.test(step.run.value)) for (const v of GH_TOKEN_VARIABLES) out.add(v.toLowerCase())
        for (const v of tokenEnvOf(step)) out.add(v.toLowerCase())
        names.set(step, out)
      }
      return out
    },
  }
}
