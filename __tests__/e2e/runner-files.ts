/** Reads what an action wrote to GITHUB_OUTPUT: the heredoc form `name<<delimiter`, value lines, `delimiter`. */
import { readFileSync } from 'node:fs'

export function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = readFileSync(path, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (m) {
      const end = lines.indexOf(m[2], i + 1)
      outputs[m[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    }
  }
  return outputs
}
