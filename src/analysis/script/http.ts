/**
 * Calls to GitHub's REST API by URL: curl and wget in scripts, and the paths other readers
 * (gh api, github-script) hand over. Each path is looked up in GitHub's endpoint-to-permission
 * data (knowledge/endpoints.ts).
 */
import { lookupEndpoint, pathSegments, VAR } from '../../knowledge/endpoints.js'
import { quoted } from '../../limits.js'
import { resolveRepo } from '../repo-ref.js'
import { flagValue, hasFlag, type Command } from '../shell.js'
import type { Call, StepAnalysis } from '../types.js'
import { expand, repoRef, type ScriptContext } from './words.js'
import { because } from '../../knowledge/reasons.js'
import { eventsFor } from '../../knowledge/endpoint-events.js'
import { CREATES_PULL_REQUESTS, needsPullRequestSetting } from '../../knowledge/settings.js'

/** A REST call to `path`, with the repository it targets; a string saying why when the path is not in GitHub's map. */
export function restCall(method: string, rawPath: string, ctx: ScriptContext, what?: string, approves = true): Call | string {
  const path = rawPath.replace(/\{owner\}\/\{repo\}/g, '${{ github.repository }}')
  const segs = pathSegments(path.replace(/\$\{\{\s*github\.repository\s*\}\}|\$\{?GITHUB_REPOSITORY\}?/g, 'SELF_OWNER/SELF_NAME'))
  const match = lookupEndpoint(method, segs.map((s) => (s === 'SELF_OWNER' || s === 'SELF_NAME' ? VAR : s)))
  const label = what ?? `${quoted(method.toUpperCase())} ${quoted(rawPath)}`
  if (!match) return `${label}: not in GitHub's fine-grained permission map`
  let target: Call['target'] = { kind: 'same' }
  if (segs[0] === 'repos' && segs.length >= 3) {
    if (segs[1] === 'SELF_OWNER' && segs[2] === 'SELF_NAME') target = { kind: 'same' }
    else {
      const rawSegs = path.replace(/^https?:\/\/[^/]+/i, '').replace(/^\/api\/v3/, '').split(/[?#]/)[0].split('/').filter(Boolean)
      target = repoRef(`${rawSegs[1]}/${rawSegs[2]}`, ctx)
    }
  } else if (match.publicRead) target = { kind: 'public', source: match.publicRead }
  else if (segs[0] === 'orgs') target = { kind: 'organization', owner: segs[1] === VAR ? null : segs[1] }
  else if (segs[0] === 'user' || segs[0] === 'gists') target = { kind: 'account' }
  const call: Call = { what: `${match.template}`, permissions: match.permissions, target, events: eventsFor(method, match.template), readOnly: method.toUpperCase() === 'GET' }
  if (needsPullRequestSetting(method, match.template, approves)) call.provided = CREATES_PULL_REQUESTS
  if (match.appOnly) call.classicOnly = because(`${match.template} is for GitHub Apps and classic tokens only: fine-grained tokens cannot call the Checks API`, 'R13', 'R18')
  return call
}

/** A curl or wget command handed the token: the API call it makes, when its URL is GitHub's API. */
export function analyseCurl(cmd: Command, ctx: ScriptContext, out: StepAnalysis) {
  const words = cmd.words.map((w) => expand(w, ctx))
  const url = words.find((w) => /^https?:\/\/|^\$\{?GITHUB_API_URL\}?|^\$\{\{\s*github\.api_url\s*\}\}/i.test(w))
  if (!url) return
  const api = url.replace(/^\$\{?GITHUB_API_URL\}?|^\$\{\{\s*github\.api_url\s*\}\}/i, 'https://api.github.com')
  if (!/^https?:\/\/(api\.github\.com|uploads\.github\.com|[^/]+\/api\/v3)\//i.test(api)) return
  out.sentToGithub = true
  const isWget = cmd.words[0] === 'wget'
  const explicit = isWget ? flagValue(words, [], ['--method']) : flagValue(words, ['-X'], ['--request'])
  const data = isWget ? hasFlag(words, ['--post-data', '--post-file', '--body-data']) : hasFlag(words, ['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--json', '-F', '--form', '-T', '--upload-file'])
  const method = (explicit ?? (data ? 'POST' : 'GET')).toUpperCase()
  if (/^https?:\/\/uploads\.github\.com/i.test(api)) {
    const segs = pathSegments(api)
    out.calls.push({ what: `${quoted(method)} uploads.github.com release asset`, permissions: { contents: 'write' }, target: segs[0] === 'repos' ? resolveRepo(`${api.split('/')[4]}/${api.split('/')[5]}`, ctx.self) : { kind: 'same' } })
    return
  }
  const call = restCall(method, api, ctx, `${quoted(cmd.words[0])} ${quoted(method)} ${quoted(url)}`)
  if (typeof call === 'string') out.unknown.push(call)
  else out.calls.push(call)
}
