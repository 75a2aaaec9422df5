/** SARIF 2.1.0 for code scanning: one run, a rule descriptor per rule, levels from the severity table. */
import type { Report } from './model.js'
import { RULES, docsUrl } from '../rules/index.js'
import { SEVERITY_MAP } from './severity.js'
import { TOOL_VERSION } from '../version.js'

export function buildSarif(report: Report): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]))
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pat-lint',
            version: TOOL_VERSION,
            informationUri: 'https://github.com/pat-lint/pat-lint',
            rules: RULES.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.description },
              helpUri: docsUrl(r.meta.id),
              defaultConfiguration: { level: SEVERITY_MAP[r.meta.defaultSeverity].sarif },
            })),
          },
        },
        // Said about the run, not about a file: SARIF's notifications of the tool's execution.
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: report.notices.map((text) => ({ level: 'note', message: { text } })) }],
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule) ?? -1,
          level: SEVERITY_MAP[f.severity].sarif,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}) },
              },
            },
          ],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, id) => ({
                  id,
                  physicalLocation: { artifactLocation: { uri: r.file, uriBaseId: '%SRCROOT%' }, region: { startLine: r.line, startColumn: r.column } },
                  message: { text: r.message },
                })),
              }
            : {}),
          ...(f.secret || f.help ? { properties: { ...(f.secret ? { secret: f.secret } : {}), ...(f.help ? { help: f.help } : {}) } } : {}),
        })),
      },
    ],
  }
}

export function formatSarif(report: Report): string {
  return JSON.stringify(buildSarif(report), null, 2) + '\n'
}
