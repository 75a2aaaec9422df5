/** Suppressions: `# pat-lint: ignore[rule-id, …]` on a finding's line, and the config's ignore list. */
import type { Finding } from './types.js'
import type { IgnoreEntry } from './requirements/schema.js'

const INLINE = /#\s*pat-lint:\s*ignore\[([^\]]*)\]/i

/** The rule ids ignored on one source line, or null when the line has no ignore comment. */
export function inlineIgnores(line: string): Set<string> | null {
  const m = INLINE.exec(line)
  if (!m) return null
  return new Set(m[1].split(',').map((s) => s.trim()).filter(Boolean))
}

export function isIgnored(finding: Finding, lineText: string | undefined, config: IgnoreEntry[]): boolean {
  const inline = lineText === undefined ? null : inlineIgnores(lineText)
  if (inline && (inline.has(finding.rule) || inline.has('*'))) return true
  return config.some((entry) =>
    typeof entry === 'string'
      ? entry === finding.rule
      : entry.rule === finding.rule &&
        (!entry.secret || entry.secret.toUpperCase() === finding.secret?.toUpperCase()) &&
        (!entry.file || entry.file.replace(/^\.\//, '') === finding.file),
  )
}
