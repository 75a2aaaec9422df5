/**
 * A report whose file paths are relative to the directory linted (the Action's `path` input),
 * moved under that directory's path in the workspace: annotations, SARIF and links must name
 * files as the repository holds them, or they attach to files that do not exist.
 */
import { posix } from 'node:path'
import type { Report } from './model.js'

export function underPath(report: Report, prefix: string): Report {
  const dir = posix.normalize(prefix.split('\\').join('/')).replace(/^\.\/?$/, '').replace(/\/$/, '')
  if (!dir) return report
  const at = (file: string) => posix.join(dir, file)
  return {
    ...report,
    requirementsFile: report.requirementsFile === null ? null : at(report.requirementsFile),
    files: report.files.map(at),
    tokens: report.tokens.map((t) => ({
      ...t,
      uses: t.uses.map((u) => ({ ...u, file: at(u.file), ...(u.readBy ? { readBy: u.readBy.map((r) => ({ ...r, file: at(r.file) })) } : {}) })),
    })),
    findings: report.findings.map((f) => ({ ...f, file: at(f.file), ...(f.related ? { related: f.related.map((r) => ({ ...r, file: at(r.file) })) } : {}) })),
    errors: report.errors.map((e) => ({ ...e, file: at(e.file) })),
  }
}
