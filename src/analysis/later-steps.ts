/**
 * A credential left behind for later steps (checkout's persisted token, a git credential store,
 * an SSH key, a remote URL with the token in it) is used by whatever pushes later in the job.
 * This finds those later pushes, and the scripts that may push without showing it.
 */
import { actionName } from '../knowledge/actions.js'
import type { JobInfo } from '../workflow/model.js'

export interface LaterPush {
  what: string
  /** The push carries commits the workflow did not write (rebase, merge, landing PRs): they may touch .github/workflows (R2). */
  foreignCommits: boolean
  /** The remote URL pushed to, when the push names one. */
  url?: string
}

/** Tools that push with the git credentials they find (their own docs: `deploy` commands). */
const PUSHING_TOOLS = /\bgit\s+push\b|\bgh-deploy\b|\bhexo\s+(d|deploy)\b|\blerna\s+(publish|version)\b|\bsemantic-release\b|\bchangeset\s+publish\b|\brelease-it\b/
const FOREIGN = /\bgit\s+(rebase|merge|cherry-pick|am|pull)\b/
const ACTIONS_THAT_PUSH: Record<string, boolean> = {
  'stefanzweifel/git-auto-commit-action': false,
  'endbug/add-and-commit': false,
  'cirrus-actions/rebase': true,
}

export function laterPushes(job: JobInfo | null, afterIndex: number): { pushes: LaterPush[]; unknown: string[] } {
  const pushes: LaterPush[] = []
  const unknown: string[] = []
  for (const s of job?.steps.slice(afterIndex + 1) ?? []) {
    const name = s.uses ? actionName(s.uses.value)?.toLowerCase() : null
    if (name && name in ACTIONS_THAT_PUSH) pushes.push({ what: `${name} (line ${s.pos.line})`, foreignCommits: ACTIONS_THAT_PUSH[name] })
    const run = s.run?.value ?? ''
    if (PUSHING_TOOLS.test(run)) {
      const url = /\bgit\s+push\s+(?:-\S+\s+)*(\S*github\.com\S*)/.exec(run)?.[1]
      pushes.push({ what: `the run step at line ${s.pos.line}`, foreignCommits: FOREIGN.test(run), ...(url ? { url } : {}) })
    } else if (run && /(^|[\s;&|])(\.\/|bash\s+|sh\s+)[\w./-]+\.sh\b|\bnpm\s+run\s+(deploy|publish|release)\b|\b(yarn|pnpm)\s+(deploy|release)\b/m.test(run)) {
      unknown.push(`the script run at line ${s.pos.line} may push with the token left behind`)
    }
  }
  return { pushes, unknown }
}
