/** An action whose behaviour changed between major versions is decided by the release a `uses:` names. */
import { releaseVersion, versionOfRef } from '../../src/knowledge/action-versions.js'
import { deriveAction, factsOf, type DerivedAction, type SourceFile } from '../../src/knowledge/derive-action.js'
import { ActionKnowledge, fromDerived } from '../../src/knowledge/actions.js'
import { DERIVED_ACTIONS } from '../../src/knowledge/generated/derived-actions.js'
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const files = (entries: Record<string, string>): SourceFile[] => Object.entries(entries).map(([path, text]) => ({ path, text }))
const ACTION_YML = 'name: x\ninputs:\n  token:\n    default: ${{ github.token }}\nruns:\n  using: node20\n  main: main.js\n'
const V1_SHA = 'a'.repeat(40)
const V1_OLD_SHA = 'b'.repeat(40)

/** octo/report: v1 wrote a check run (the Checks API: GITHUB_TOKEN or an App only), v2 comments. */
function reporter(): DerivedAction {
  const head = deriveAction('octo/report', 'c'.repeat(40), files({ 'action.yml': ACTION_YML, 'main.js': 'const octokit = github.getOctokit(core.getInput("token"))\ncontext.repo\nawait octokit.rest.issues.createComment({ ...context.repo, issue_number: 1, body: "x" })\n' }))
  const v1 = deriveAction('octo/report', V1_SHA, files({ 'action.yml': ACTION_YML, 'main.js': 'const octokit = github.getOctokit(core.getInput("token"))\ncontext.repo\nawait octokit.rest.checks.create({ ...context.repo, name: "x", head_sha: "y" })\n' }))
  const v0 = deriveAction('octo/report', 'd'.repeat(40), files({ 'action.yml': ACTION_YML.replace('main.js', 'dist/index.js'), 'dist/index.js': 'bundle' }))
  return { ...head, versions: [{ major: 1, tag: 'v1.4.2', action: v1 }, { major: 0, tag: 'v0.9.0', action: v0 }], pins: { [V1_SHA.slice(0, 12)]: 'v1.4.2', [V1_OLD_SHA.slice(0, 12)]: 'v1.0.0' } }
}

describe('the release a ref names', () => {
  it('reads tags as GitHub actions name releases', () => {
    expect(releaseVersion('v3')).toEqual([3, -1, -1])
    expect(releaseVersion('v3.1.2')).toEqual([3, 1, 2])
    expect(releaseVersion('2.0')).toEqual([2, 0, -1])
    expect(releaseVersion('releases/v2')).toEqual([2, -1, -1])
    expect(releaseVersion('main')).toBeNull()
    expect(releaseVersion('v3.1.2-beta')).toBeNull()
  })
  it('a full SHA is a release only where a known release tag points at it', () => {
    expect(versionOfRef(V1_OLD_SHA, { [V1_OLD_SHA.slice(0, 12)]: 'v1.0.0' })).toEqual({ major: 1, pinnedTo: 'v1.0.0' })
    expect(versionOfRef('e'.repeat(40), { [V1_OLD_SHA.slice(0, 12)]: 'v1.0.0' })).toBeNull()
    expect(versionOfRef('v4')).toEqual({ major: 4 })
    expect(versionOfRef('main')).toBeNull()
  })
})

describe('an entry with versions', () => {
  const knowledge = new ActionKnowledge([fromDerived(reporter())])

  it('a major that behaves otherwise has its own facts; the newest major, a branch and an unknown SHA have the newest', () => {
    const newest = knowledge.lookup('octo/report@v2')
    expect(newest?.fineGrained).toEqual({ metadata: 'read', issues: 'write' })
    expect(knowledge.lookup('octo/report@main')).toBe(newest)
    expect(knowledge.lookup(`octo/report@${'e'.repeat(40)}`)).toBe(newest)
    expect(knowledge.lookup('octo/report')).toBe(newest)
    const v1 = knowledge.lookup('octo/report@v1.1.0')
    // The Checks API takes no personal token (R13): no fine-grained permission set will do.
    expect(v1?.fineGrained).toBeNull()
    expect(v1?.release).toBe('v1.4.2')
    expect(v1?.source).toContain(`octo/report@${V1_SHA} (v1.4.2)`)
  })
  it('a SHA pin is matched to its release, and the report says which', () => {
    const pinned = knowledge.lookup(`octo/report@${V1_OLD_SHA}`)
    expect(pinned?.fineGrained).toBeNull()
    expect(pinned?.release).toBe('v1.0.0 (the pinned commit), read at v1.4.2')
  })
  it('a release whose source told nothing (only a bundle) is unknown, not the newest release', () => {
    expect(knowledge.lookup('octo/report@v0.3')).toBeUndefined()
  })
  it('decides the use: a comment with GITHUB_TOKEN at v2, nothing a personal token can do at v1', () => {
    const wf = (ref: string) => `on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: octo/report@${ref}\n        with:\n          token: \${{ secrets.REPORT_PAT }}\n`
    const at = (ref: string) => lintWorkflow(wf(ref), {}, { repository: 'octo/app', actions: [fromDerived(reporter())] }).tokens[0].uses[0]
    expect(at('v2').githubTokenWouldDo).toBe(true)
    expect(at('v2').actionRelease).toBeUndefined()
    expect(at(V1_OLD_SHA).githubTokenWouldDo).toBe(true)
    expect(at(V1_OLD_SHA).needs).toEqual({ checks: 'write' })
    expect(at(V1_OLD_SHA).actionRelease).toBe('v1.0.0 (the pinned commit), read at v1.4.2')
  })
})

describe('facts compared across releases', () => {
  const at = (line: number, route = 'createComment') => deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': ACTION_YML, 'main.js': `${'\n'.repeat(line)}context.repo\nawait octokit.rest.issues.${route}({ ...context.repo, issue_number: 1 })\n` }))
  it('moved lines are the same facts; another call is not', () => {
    expect(factsOf(at(1))).toBe(factsOf(at(9)))
    expect(factsOf(at(1))).not.toBe(factsOf(at(1, 'lock')))
  })
})

describe('the generated versions', () => {
  it('each earlier major was read at a release tag and differs from the newest; each pin names a release of such a major', () => {
    const withVersions = DERIVED_ACTIONS.filter((d) => d.versions?.length)
    expect(withVersions.length).toBeGreaterThan(0)
    for (const d of withVersions) {
      const majors = new Set(d.versions!.map((v) => v.major))
      for (const v of d.versions!) {
        expect(releaseVersion(v.tag)?.[0]).toBe(v.major)
        expect(v.action.commit).toMatch(/^[0-9a-f]{40}$/)
        expect(factsOf(v.action)).not.toBe(factsOf(d))
      }
      for (const [prefix, tag] of Object.entries(d.pins ?? {})) {
        expect(prefix).toMatch(/^[0-9a-f]{12}$/)
        expect(majors.has(releaseVersion(tag)![0])).toBe(true)
      }
    }
  })
})
