/**
 * Which environment variables a step reads: `$NAME`, `${NAME}`, `$env:NAME` (PowerShell), `%NAME%`
 * (cmd) and `env.NAME` in its script, `${{ env.NAME }}` in its inputs. A step with thousands of
 * variables is asked about each, so what a script reads is listed once and remembered per run.
 */
import { BoundedMap } from '../bounded-map.js'
import type { StepInfo } from './model.js'

/** Which steps read an environment variable; the default (`runReadsEnv`) looks at `run:` and `with:` text. */
export interface EnvReader {
  reads(step: StepInfo, name: string): boolean
  /**
   * The lower-cased names the step may read: `reads` is false for every name of identifier
   * characters that is not among them. Lets thousands of variables find their readers among
   * thousands of steps without asking every step about every variable.
   */
  names(step: StepInfo): Set<string>
}

/** How many per-name patterns are compiled before names are looked up by listing instead. */
const MAX_PATTERNS = 256

/** How many names a script is asked about one by one before its names are listed in one pass. */
export const DIRECT_QUESTIONS = 8

/** Names made of letters, digits and `_` only: those an `EnvReader` can list. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(name)
}

/**
 * Every name a script reads in one of the forms above, lower-cased. For a name made of
 * identifier characters this says the same as the name's own pattern. `env.` reads only its dot,
 * as the name after it may itself be `env.X`.
 */
const NAME_READS = [/\$\{?([A-Za-z0-9_]+)/g, /\$env:([A-Za-z0-9_]+)/gi, /%([A-Za-z0-9_]+)(?=%)/g, /\benv\.(?=([A-Za-z0-9_]+))/gi, /\benv\[['"]([A-Za-z0-9_]+)['"]\]/gi]

function readerPatternOf(name: string): RegExp {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`\\$\\{?${n}(?![A-Za-z0-9_])|\\$env:${n}(?![A-Za-z0-9_])|%${n}%|\\benv\\.${n}(?![A-Za-z0-9_])|\\benv\\[['"]${n}['"]\\]`, 'i')
}

/** The questions of one run about which variables scripts read, and what answering them needs remembered. */
export class VariableReads {
  private askedScript = ''
  private asked = 0
  private lastScript = ''
  private lastNames = new Set<string>()
  /** Patterns per name: at most MAX_PATTERNS, past which names are looked up by listing. */
  private readonly patterns = new Map<string, RegExp>()

  /** Whether `script` reads variable `name`. */
  reads(script: string, name: string): boolean {
    // A script is usually asked about a few names, each by a pattern compiled once per name. Past
    // a few questions to one script, or once many names have patterns (compiling one costs tens of
    // microseconds), one pass over the script lists every name it reads.
    if (isIdentifier(name) && (this.askedAbout(script) > DIRECT_QUESTIONS || (this.patterns.size >= MAX_PATTERNS && !this.patterns.has(name)))) {
      return this.namesReadBy(script).has(name.toLowerCase())
    }
    return script.toLowerCase().includes(name.toLowerCase()) && this.pattern(name).test(script)
  }

  /** Every name the script reads, lower-cased; the same script is asked about each variable of its step in a row. */
  namesReadBy(script: string): Set<string> {
    if (script !== this.lastScript) {
      this.lastScript = script
      this.lastNames = new Set(NAME_READS.flatMap((re) => [...script.matchAll(re)].map((m) => m[1].toLowerCase())))
    }
    return this.lastNames
  }

  /** How many times in a row this script has been asked about (the same step's variables come together). */
  private askedAbout(script: string): number {
    if (script !== this.askedScript) {
      this.askedScript = script
      this.asked = 0
    }
    return ++this.asked
  }

  private pattern(name: string): RegExp {
    let re = this.patterns.get(name)
    if (!re) {
      re = readerPatternOf(name)
      if (this.patterns.size < MAX_PATTERNS) this.patterns.set(name, re)
    }
    return re
  }
}

/** Whether `script` reads variable `name` (a one-off question; a run asks its VariableReads). */
export function scriptReadsVariable(script: string, name: string, reads: VariableReads = new VariableReads()): boolean {
  return reads.reads(script, name)
}

/** `env.NAME` and `env['NAME']` in a `with:` expression, as `expressionPattern` reads them. */
const EXPRESSION_READS = [/\benv\.(?=([A-Za-z0-9_-]+))/gi, /\benv\[\s*'([A-Za-z0-9_-]+)'\s*\]/gi]

/** Compiled expression patterns by name: a pure function's answers, bounded. */
const expressionPatterns = new BoundedMap<string, RegExp>(4096)

/** `env.NAME` or `env['NAME']`, as an expression reads a variable. */
export function expressionPattern(name: string): RegExp {
  let re = expressionPatterns.get(name)
  if (!re) {
    const n = name.replace(/[^A-Za-z0-9_-]/g, '')
    re = new RegExp(`\\benv\\.${n}(?![A-Za-z0-9_-])|\\benv\\[\\s*'${n}'\\s*\\]`, 'i')
    expressionPatterns.set(name, re)
  }
  return re
}

/** The default reader: the step's script reads `$NAME`, or a `with:` value reads `${{ env.NAME }}`. Names are listed once per step. */
export function runReadsEnv(reads: VariableReads): EnvReader {
  const stepNames = new WeakMap<StepInfo, Set<string>>()
  return {
    reads(step, name) {
      if (step.run && reads.reads(step.run.value, name)) return true
      return Object.values(step.with).some((v) => v.raw.includes('${{') && v.raw.toLowerCase().includes(name.toLowerCase()) && expressionPattern(name).test(v.raw))
    },
    names(step) {
      let names = stepNames.get(step)
      if (!names) {
        names = new Set(step.run ? reads.namesReadBy(step.run.value) : [])
        for (const v of Object.values(step.with)) {
          if (!v.raw.includes('${{')) continue
          for (const re of EXPRESSION_READS) for (const m of v.raw.matchAll(re)) names.add(m[1].toLowerCase())
        }
        stepNames.set(step, names)
      }
      return names
    },
  }
}
