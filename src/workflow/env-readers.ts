/** Which steps read an environment variable: their script, the gh CLI, or a known action. */
import type { ActionKnowledge } from '../knowledge/actions.js'
import { runReadsEnv, type EnvReader } from './flows.js'

const GH_TOKEN_VARIABLES = /^(GH_TOKEN|GITHUB_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN)$/
const RUNS_GH = /(^|[\s;&|(`$])gh\s+[a-z]/m

/** Steps read an env variable when their script does, or when a known action reads it. */
export function readsEnvWith(knowledge: ActionKnowledge): EnvReader {
  return (step, name) => {
    if (runReadsEnv(step, name)) return true
    // The gh CLI takes its token from GH_TOKEN or GITHUB_TOKEN (GH_ENTERPRISE_TOKEN on GHES) unasked.
    if (GH_TOKEN_VARIABLES.test(name) && step.run && RUNS_GH.test(step.run.value)) return true
    const facts = step.uses ? knowledge.lookup(step.uses.value) : undefined
    return !!facts?.tokenEnv.includes(name)
  }
}
