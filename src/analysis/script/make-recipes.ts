/**
 * `make TARGET` runs the recipe of TARGET in the Makefile of the directory it runs in (and, first,
 * those of its prerequisites): a `git push` there is the step's push. The recipe lines are read
 * as written, their `@`, `-` and `+` prefixes dropped; conditionals and variables are not
 * evaluated, so every line of a recipe counts, whichever branch make would take.
 */

import { MAKEFILE_NAMES } from '../../knowledge/programs.js'

/** Recipes read per target at most, prerequisites included: deeper chains are not followed. */
const MAX_TARGETS = 20
const MAKE_COMMAND = /(?:^|[;&|(]|\n)\s*(?:sudo\s+)?make\s+([^\n;&|)]*)/g

/** The targets `make` commands of a script name, with the directory `-C` gives (relative, or '' for where the step runs). */
export function makeTargets(script: string): { dir: string; targets: string[] }[] {
  const out: { dir: string; targets: string[] }[] = []
  for (const m of script.matchAll(MAKE_COMMAND)) {
    const words = m[1].trim().split(/\s+/).filter(Boolean)
    let dir = ''
    const targets: string[] = []
    for (let i = 0; i < words.length; i++) {
      const w = words[i]
      if (w === '-C' || w === '--directory') dir = words[++i] ?? ''
      else if (w.startsWith('-C') && w.length > 2) dir = w.slice(2)
      else if (w === '-f' || w === '--file' || w === '-j' || w === '-l') i++
      else if (!w.startsWith('-') && !w.includes('=')) targets.push(w)
    }
    out.push({ dir, targets })
  }
  return out
}

/** Rules of a Makefile: target name -> prerequisites and recipe lines. */
function rules(makefile: string): Map<string, { prerequisites: string[]; recipe: string[] }> {
  const out = new Map<string, { prerequisites: string[]; recipe: string[] }>()
  let current: { prerequisites: string[]; recipe: string[] }[] = []
  for (const line of makefile.split(/\r?\n/)) {
    if (line.startsWith('\t')) {
      const cmd = line.slice(1).trim().replace(/^[@+-]+/, '')
      if (cmd && !cmd.startsWith('#')) for (const r of current) r.recipe.push(cmd)
      continue
    }
    const rule = /^([^:#=\t][^:#=]*?)\s*::?(?!=)\s*([^;#=]*)/.exec(line)
    if (rule && !/^\s*(ifeq|ifneq|ifdef|ifndef|else|endif|define|endef|export|include|-include)\b/.test(line)) {
      current = rule[1].trim().split(/\s+/).map((name) => {
        const entry = out.get(name) ?? { prerequisites: [], recipe: [] }
        entry.prerequisites.push(...rule[2].trim().split(/\s+/).filter(Boolean))
        out.set(name, entry)
        return entry
      })
    } else if (line.trim() && !/^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)\b/.test(line)) current = []
  }
  return out
}

/** The recipe lines `make` runs for `targets` (the first rule's target when none is named), prerequisites first. */
export function recipeLines(makefile: string, targets: string[]): string[] {
  const table = rules(makefile)
  const start = targets.length ? targets : [...table.keys()].filter((t) => !t.startsWith('.')).slice(0, 1)
  const lines: string[] = []
  const seen = new Set<string>()
  const visit = (target: string) => {
    if (seen.has(target) || seen.size >= MAX_TARGETS) return
    seen.add(target)
    const rule = table.get(target)
    if (!rule) return
    for (const p of rule.prerequisites) visit(p)
    lines.push(...rule.recipe)
  }
  for (const t of start) visit(t)
  return lines
}

/**
 * The script of a `run:` step with the recipes of the `make` targets it names appended, read
 * with `read` (a path relative to the repository root; null when not among the files read).
 */
export function withMakeRecipes(script: string, startDir: string, read: (path: string) => string | null): string {
  if (!/\bmake\b/.test(script)) return script
  const extra: string[] = []
  for (const { dir, targets } of makeTargets(script)) {
    if (/^[/~$]/.test(dir) || dir.split('/').includes('..')) continue
    const base = [startDir, dir].filter(Boolean).join('/')
    const makefile = MAKEFILE_NAMES.map((n) => read(base ? `${base}/${n}` : n)).find((t) => t !== null)
    if (makefile) extra.push(...recipeLines(makefile, targets))
  }
  return extra.length ? `${script}\n${extra.join('\n')}` : script
}
