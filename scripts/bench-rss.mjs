// Preloaded by scripts/bench.mjs (node --import): reports the process's peak RSS on exit.
import { writeSync } from 'node:fs'
process.on('exit', () => writeSync(2, `\nPAT_LINT_BENCH_RSS=${process.resourceUsage().maxRSS}\n`))
