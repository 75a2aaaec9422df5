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

/**
 * The config's ignore list as a test for findings, indexed once: a finding is looked up by its
 * rule, secret and file (each entry's missing secret or file matching any), not compared with
 * every entry, so thousands of entries cost nothing per finding.
 */
export function configIgnores(config: IgnoreEntry[]): (finding: Finding) => boolean {
  const keys = new Set<string>()
  for (const entry of config) {
    if (typeof entry === 'string') keys.add(key(entry, '', ''))
    else keys.add(key(entry.rule, entry.secret ? entry.secret.toUpperCase() : '', entry.file ? entry.file.replace(/^\.\//, '') : ''))
  }
  if (!keys.size) return () => false
  return (finding) => {
    const secrets = finding.secret ? [finding.secret.toUpperCase(), ''] : ['']
    return secrets.some((secret) => keys.has(key(finding.rule, secret, finding.file)) || keys.has(key(finding.rule, secret, '')))
  }
}

function key(rule: string, secret: string, file: string): string {
  return `${rule}\n${secret}\n${file}`
}

/** `inline` is what `inlineIgnores` read on the finding's line. */
export function isIgnored(finding: Finding, inline: Set<string> | null, ignoredByConfig: (finding: Finding) => boolean): boolean {
  if (inline && (inline.has(finding.rule) || inline.has('*'))) return true
  return ignoredByConfig(finding)
}
