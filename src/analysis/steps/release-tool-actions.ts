/**
 * Actions that run a release tool on the workspace with the step's environment (semantic-release,
 * GoReleaser): read as the command their inputs stand for, in the directory they name.
 */
import { quoted } from '../../limits.js'
import type { SemanticReleaseAction } from '../../knowledge/semantic-release.js'
import { enterDirectory } from '../directories.js'
import { analyseSemanticRelease } from '../script/semantic-release.js'
import { analyseGoreleaser } from '../script/goreleaser.js'
import { GORELEASER_ACTION } from '../../knowledge/goreleaser.js'
import { parseCommands } from '../shell.js'
import type { ScriptContext } from '../script/words.js'
import type { StepAnalysis } from '../types.js'
import { inputs, type StepContext } from './step-context.js'

/** The plugin names of a JSON list input; undefined when it is no such list. */
function pluginList(text: string): string | undefined {
  try {
    const list: unknown = JSON.parse(text)
    return Array.isArray(list) && list.every((p) => typeof p === 'string') ? list.join(',') : undefined
  } catch {
    return undefined
  }
}

export function analyseSemanticReleaseAction(ctx: StepContext, name: string, spec: SemanticReleaseAction): StepAnalysis {
  // It reads the token only from its environment (GH_TOKEN, GITHUB_TOKEN, GIT_CREDENTIALS).
  if (ctx.tokenInput) return { calls: [], unknown: [`${name} is not known to read a token from input \`${quoted(ctx.tokenInput)}\``] }
  const out: StepAnalysis = { calls: [], unknown: [] }
  const ins = inputs(ctx.step)
  const words = ['semantic-release']
  if (ins[spec.dryRun] === 'true') words.push('--dry-run')
  if (ins[spec.extends]) words.push('--extends', ins[spec.extends])
  if (ins[spec.repositoryUrl]) words.push('--repository-url', ins[spec.repositoryUrl])
  if (spec.plugins && ins[spec.plugins]) {
    const plugins = pluginList(ins[spec.plugins])
    if (plugins === undefined) return { calls: [], unknown: [`${name}'s \`${spec.plugins}\` input is not a list of plugin names pat-lint can read`] }
    words.push('--plugins', plugins)
  }
  analyseSemanticRelease(words, [{ words, line: ctx.step.pos.line }], 0, toolContext(ctx, ins[spec.workingDirectory]), out, name)
  return out
}

/** The context of a tool the action runs in `dir` with the step's environment. */
function toolContext(ctx: StepContext, dir: string | undefined): ScriptContext {
  return {
    self: ctx.self,
    tokenVars: ctx.tokenVars,
    env: Object.fromEntries(Object.entries(ctx.step.env).map(([k, v]) => [k, v.value])),
    secret: ctx.secret,
    memo: ctx.memo,
    directory: { start: enterDirectory('', dir?.trim() ?? ''), repos: new Map() },
    readFile: ctx.readScript,
  }
}

/** goreleaser/goreleaser-action: `goreleaser <args>` in `workdir`; it reads tokens only from its environment. */
export function analyseGoreleaserAction(ctx: StepContext, name: string): StepAnalysis {
  if (ctx.tokenInput) return { calls: [], unknown: [`${name} is not known to read a token from input \`${quoted(ctx.tokenInput)}\``] }
  const ins = inputs(ctx.step)
  const args = parseCommands(ins[GORELEASER_ACTION.args] ?? '')[0]?.words ?? []
  const words = ['goreleaser', ...args]
  const out: StepAnalysis = { calls: [], unknown: [] }
  analyseGoreleaser(words, [{ words, line: ctx.step.pos.line }], 0, toolContext(ctx, ins[GORELEASER_ACTION.workdir]), out, name)
  return out
}
