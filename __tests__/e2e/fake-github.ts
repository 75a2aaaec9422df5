/**
 * A stand-in for the part of GitHub's REST API that pat-lint uses, on 127.0.0.1: issue comments
 * (listed with Link pagination, created, updated), repository contents, and GET /user. Faults can
 * be queued per route to check retries and permission errors. Every request is recorded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LocalServer } from './local-server.js'

export interface Comment {
  id: number
  body: string
  user: { login: string; type: string }
  html_url: string
}

export interface Fault {
  /** `METHOD /path` prefix, e.g. `GET /repos/o/r/issues/1/comments`. */
  route: string
  status: number
  /** How many requests it answers; Infinity for every one. */
  times: number
  body?: unknown
  headers?: Record<string, string>
  /** Never answer: the connection stays open until the client gives up. */
  stall?: boolean
}

export class FakeGitHub extends LocalServer {
  comments: Comment[] = []
  files = new Map<string, string>() // `${path}@${ref}` -> text
  /** Repositories of actions, `owner/repo@ref` -> path -> text: served as git trees and contents. */
  repos = new Map<string, Record<string, string>>()
  /** Trees answered as truncated (too large to list), by `owner/repo@ref`. */
  truncated = new Set<string>()
  requests: string[] = []
  faults: Fault[] = []
  /** The login GET /user answers with; null answers 403 as for an installation token. */
  userLogin: string | null = null
  pageSize = 2
  private nextId = 1000



  /** Requests that changed something. */
  writes(): string[] {
    return this.requests.filter((r) => /^(POST|PATCH|PUT|DELETE) /.test(r))
  }


  protected async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', this.url)
    const line = `${req.method} ${url.pathname}`
    this.requests.push(line)
    const fault = this.faults.find((f) => line.startsWith(f.route) && f.times > 0)
    if (fault) {
      fault.times--
      if (fault.stall) return
      if (typeof fault.body === 'string') {
        res.writeHead(fault.status, { 'content-type': 'text/html', ...fault.headers })
        return res.end(fault.body)
      }
      return this.send(res, fault.status, fault.body ?? { message: `injected ${fault.status}` }, fault.headers)
    }
    let m: RegExpExecArray | null
    if (req.method === 'GET' && url.pathname === '/user') {
      return this.userLogin ? this.send(res, 200, { login: this.userLogin }) : this.send(res, 403, { message: 'Resource not accessible by integration' })
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      if (req.method === 'GET') {
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageSize)
        const page = Number(url.searchParams.get('page') ?? 1)
        const items = this.comments.slice((page - 1) * perPage, page * perPage)
        const last = Math.max(1, Math.ceil(this.comments.length / perPage))
        const headers: Record<string, string> = {}
        if (page < last) {
          const next = new URL(url)
          next.searchParams.set('page', String(page + 1))
          next.searchParams.set('per_page', String(perPage))
          headers.link = `<${next.toString()}>; rel="next"`
        }
        return this.send(res, 200, items, headers)
      }
      if (req.method === 'POST') {
        const body = JSON.parse(raw).body as string
        const comment: Comment = { id: this.nextId++, body, user: { login: this.userLogin ?? 'github-actions[bot]', type: 'Bot' }, html_url: `https://github.example/${m[1]}/${m[2]}/pull/${m[3]}#issuecomment-${this.nextId}` }
        this.comments.push(comment)
        return this.send(res, 201, comment)
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)) && req.method === 'DELETE') {
      const at = this.comments.findIndex((c) => c.id === Number(m![1]))
      if (at < 0) return this.send(res, 404, { message: 'Not Found' })
      this.comments.splice(at, 1)
      res.writeHead(204)
      return res.end()
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)) && req.method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(m![1]))
      if (!comment) return this.send(res, 404, { message: 'Not Found' })
      comment.body = JSON.parse(raw).body
      return this.send(res, 200, comment)
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/git\/trees\/(.+)$/.exec(url.pathname)) && req.method === 'GET') {
      const key = `${m[1]}/${m[2]}@${decodeURIComponent(m[3])}`
      const repo = this.repos.get(key)
      if (!repo) return this.send(res, 404, { message: 'Not Found' })
      const tree = Object.entries(repo).map(([path, text]) => ({ path, type: 'blob', size: Buffer.byteLength(text), sha: 'f'.repeat(40), mode: '100644' }))
      return this.send(res, 200, { sha: 'e'.repeat(40), truncated: this.truncated.has(key), tree })
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname)) && req.method === 'GET') {
      const inRepo = this.repos.get(`${m[1]}/${m[2]}@${url.searchParams.get('ref')}`)?.[decodeURIComponent(m[3])]
      if (inRepo !== undefined) return this.send(res, 200, { type: 'file', encoding: 'base64', content: Buffer.from(inRepo).toString('base64') })
      const text = this.files.get(`${decodeURIComponent(m[3])}@${url.searchParams.get('ref')}`)
      if (text === undefined) return this.send(res, 404, { message: 'Not Found' })
      return this.send(res, 200, { type: 'file', encoding: 'base64', content: Buffer.from(text).toString('base64') })
    }
    this.send(res, 404, { message: `fake GitHub has no ${line}` })
  }
}
