/**
 * A stand-in for the part of GitHub's API an organization scan uses, on 127.0.0.1: repository
 * listings (Link pagination), a repository, git trees (the root not recursive, a subtree
 * recursive), and GraphQL blob reads by `branch:path`. Faults are queued per route; every request
 * is recorded, so a test can count the calls per repository.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LocalServer } from './local-server.js'

export interface FakeRepo {
  owner: string
  name: string
  branch: string
  archived: boolean
  /** Path -> text, e.g. `.github/workflows/ci.yml`. */
  files: Record<string, string>
  /** Answer 404 for everything but the listing: deleted after it was listed. */
  deleted?: boolean
}

export interface OrgFault {
  /** `METHOD /path` prefix. */
  route: string
  status: number
  times: number
  headers?: Record<string, string>
  body?: unknown
}

const sha = (text: string) => createHash('sha1').update(text).digest('hex')

export class FakeOrg extends LocalServer {
  repos = new Map<string, FakeRepo>() // `owner/name` lower-cased
  /** Fine-grained token grants, as GET /orgs/{org}/personal-access-tokens answers an App; null answers 403 as to any other token. */
  grants: { grant: Record<string, unknown>; repositories: string[] }[] | null = null
  requests: string[] = []
  faults: OrgFault[] = []
  pageSize = 100

  add(repo: FakeRepo): void {
    this.repos.set(`${repo.owner}/${repo.name}`.toLowerCase(), repo)
  }



  /** Requests that name a repository, by `owner/name` (listings and GraphQL by their variables). */
  callsPer(repository: string): number {
    return this.requests.filter((r) => r.includes(` ${repository} `) || r.includes(`/repos/${repository}/`) || r.endsWith(`/repos/${repository}`)).length
  }


  /** The entries under `.github`, and the tree SHA that stands for them. */
  private githubTree(repo: FakeRepo) {
    const entries = Object.entries(repo.files).filter(([p]) => p.startsWith('.github/')).map(([p, text]) => ({ path: p.slice('.github/'.length), type: 'blob', mode: '100644', sha: sha(text), size: Buffer.byteLength(text) }))
    return { sha: sha(JSON.stringify(entries)), entries }
  }

  private listing(res: ServerResponse, url: URL, owner: string) {
    const all = [...this.repos.values()].filter((r) => r.owner.toLowerCase() === owner.toLowerCase())
    if (!all.length) return this.send(res, 404, { message: 'Not Found' })
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageSize)
    const page = Number(url.searchParams.get('page') ?? 1)
    const items = all.slice((page - 1) * perPage, page * perPage).map((r) => ({ name: r.name, owner: { login: r.owner }, default_branch: r.branch, archived: r.archived }))
    const headers: Record<string, string> = {}
    if (page * perPage < all.length) {
      const next = new URL(url)
      next.searchParams.set('page', String(page + 1))
      headers.link = `<${next.toString()}>; rel="next"`
    }
    return this.send(res, 200, items, headers)
  }

  protected async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', this.url)
    let line = `${req.method} ${url.pathname}`
    let graphql: { query: string; variables: Record<string, string> } | undefined
    if (url.pathname === '/graphql') {
      graphql = JSON.parse(raw)
      const names = Object.entries(graphql!.variables).filter(([k]) => /^o\d+$/.test(k)).map(([k, owner]) => `${owner}/${graphql!.variables[`n${k.slice(1)}`]}`)
      line += ` ${names.join(' ')} `
    }
    this.requests.push(line)
    const fault = this.faults.find((f) => line.startsWith(f.route) && f.times > 0)
    if (fault) {
      fault.times--
      return this.send(res, fault.status, fault.body ?? { message: `injected ${fault.status}` }, fault.headers)
    }
    let m: RegExpExecArray | null
    if ((m = /^\/orgs\/([^/]+)\/personal-access-tokens(?:\/(\d+)\/repositories)?$/.exec(url.pathname))) {
      if (!this.grants) return this.send(res, 403, { message: 'Resource not accessible by integration' })
      if (!m[2]) return this.send(res, 200, this.grants.map((g) => g.grant))
      const grant = this.grants.find((g) => g.grant.id === Number(m![2]))
      return grant ? this.send(res, 200, grant.repositories.map((full_name) => ({ full_name, name: full_name.split('/')[1] }))) : this.send(res, 404, { message: 'Not Found' })
    }
    if ((m = /^\/orgs\/([^/]+)\/repos$/.exec(url.pathname))) return this.listing(res, url, m[1])
    if ((m = /^\/users\/([^/]+)\/repos$/.exec(url.pathname))) return this.listing(res, url, m[1])
    if ((m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname))) {
      const repo = this.repos.get(`${m[1]}/${m[2]}`.toLowerCase())
      if (!repo || repo.deleted) return this.send(res, 404, { message: 'Not Found' })
      const rest = m[3] ?? ''
      if (!rest) return this.send(res, 200, { name: repo.name, owner: { login: repo.owner }, default_branch: repo.branch, archived: repo.archived })
      const tree = /^\/git\/trees\/(.+)$/.exec(rest)
      if (tree) {
        const ref = decodeURIComponent(tree[1])
        const github = this.githubTree(repo)
        if (ref === repo.branch) {
          const top = Object.entries(repo.files).filter(([p]) => !p.includes('/')).map(([p, text]) => ({ path: p, type: 'blob', mode: '100644', sha: sha(text), size: Buffer.byteLength(text) }))
          if (github.entries.length) top.push({ path: '.github', type: 'tree', mode: '040000', sha: github.sha, size: 0 })
          return this.send(res, 200, { sha: sha(repo.name), truncated: false, tree: top })
        }
        if (ref === github.sha && url.searchParams.get('recursive')) return this.send(res, 200, { sha: github.sha, truncated: false, tree: github.entries })
        return this.send(res, 404, { message: 'Not Found' })
      }
    }
    if (graphql) {
      // Repositories as r0, r1, …: owner o<i>, name n<i>, blobs at the expressions e<i>_<j>.
      const data: Record<string, unknown> = {}
      const errors: { type: string; path: string[]; message: string }[] = []
      for (const [key, owner] of Object.entries(graphql.variables)) {
        const o = /^o(\d+)$/.exec(key)
        if (!o) continue
        const i = o[1]
        const repo = this.repos.get(`${owner}/${graphql.variables[`n${i}`]}`.toLowerCase())
        if (!repo || repo.deleted) {
          data[`r${i}`] = null
          errors.push({ type: 'NOT_FOUND', path: [`r${i}`], message: 'Could not resolve to a Repository' })
          continue
        }
        const blobs: Record<string, unknown> = {}
        for (const [k, value] of Object.entries(graphql.variables)) {
          const e = new RegExp(`^e${i}_(\\d+)$`).exec(k)
          if (!e) continue
          const [branch, ...path] = value.split(':')
          const text = branch === repo.branch ? repo.files[path.join(':')] : undefined
          blobs[`f${e[1]}`] = text === undefined ? null : { text, isTruncated: false, isBinary: false }
        }
        data[`r${i}`] = blobs
      }
      return this.send(res, 200, errors.length ? { data, errors } : { data })
    }
    this.send(res, 404, { message: `fake GitHub has no ${line}` })
  }
}
