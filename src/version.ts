/** pat-lint's version, reported in SARIF and the JSON report. Kept in step with package.json by a test. */
export const TOOL_VERSION = '0.1.0'
