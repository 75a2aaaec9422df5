import fc from 'fast-check'
import { FINE_GRAINED_PERMISSIONS, type Level } from '../../src/knowledge/permissions.js'
import { classicLink, fineGrainedLink, MAX_DESCRIPTION, MAX_NAME, offeredLevel, truncate } from '../../src/report/links.js'

const SERVER = 'https://github.com'

describe('fine-grained creation links', () => {
  it('carries name, description, owner, expiry and each permission at its level', () => {
    const url = new URL(fineGrainedLink({ server: SERVER, name: 'DEPLOY_PAT', description: 'Push the site', owner: 'octo-org', expiresIn: 30, permissions: { contents: 'write', metadata: 'read', pull_requests: 'read' } }))
    expect(url.origin + url.pathname).toBe('https://github.com/settings/personal-access-tokens/new')
    expect(Object.fromEntries(url.searchParams)).toEqual({ name: 'DEPLOY_PAT', description: 'Push the site', target_name: 'octo-org', expires_in: '30', contents: 'write', pull_requests: 'read' })
  })

  it.each<[string, Level, Level | null]>([
    ['metadata', 'read', 'read'],
    ['workflows', 'read', 'write'], // write-only: the lowest offered level above
    ['gists', 'read', 'write'],
    ['contents', 'admin', null], // not offered at all
    ['organization_projects', 'admin', 'admin'],
    ['packages', 'read', null], // no fine-grained permission
  ])('%s at %s -> %s', (perm, needed, expected) => {
    expect(offeredLevel(perm, needed)).toBe(expected)
  })

  it('works for GitHub Enterprise Server and clamps the expiry', () => {
    const url = new URL(fineGrainedLink({ server: 'https://ghe.example.com/', name: 'X', description: 'y', expiresIn: 9999, permissions: {} }))
    expect(url.host).toBe('ghe.example.com')
    expect(url.searchParams.get('expires_in')).toBe('366')
    expect(new URL(fineGrainedLink({ server: SERVER, name: 'X', description: 'y', expiresIn: 'none', permissions: {} })).searchParams.get('expires_in')).toBe('none')
  })

  it('truncates by characters, not code units', () => {
    expect(truncate('🔑'.repeat(50), MAX_NAME)).toBe('🔑'.repeat(39) + '…')
    expect([...truncate('a'.repeat(41), 40)]).toHaveLength(40)
    expect(truncate('short', 40)).toBe('short')
  })

  const permissionArb = fc.dictionary(fc.constantFrom(...Object.keys(FINE_GRAINED_PERMISSIONS), 'packages', 'checks'), fc.constantFrom<Level>('read', 'write', 'admin'))

  it('any permission set over GitHub\'s table gives a link within the limits, with only offered levels', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 3000 }), fc.option(fc.stringMatching(/^[A-Za-z0-9-]{1,39}$/)), fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.constant<'none'>('none')), permissionArb, (name, description, owner, expiresIn, permissions) => {
        const url = new URL(fineGrainedLink({ server: SERVER, name, description, owner, expiresIn, permissions }))
        expect([...(url.searchParams.get('name') ?? '')].length).toBeLessThanOrEqual(MAX_NAME)
        expect([...(url.searchParams.get('description') ?? '')].length).toBeLessThanOrEqual(MAX_DESCRIPTION)
        const expires = url.searchParams.get('expires_in')!
        expect(expires === 'none' || (Number(expires) >= 1 && Number(expires) <= 366)).toBe(true)
        for (const [key, value] of url.searchParams) {
          if (['name', 'description', 'target_name', 'expires_in'].includes(key)) continue
          expect(FINE_GRAINED_PERMISSIONS[key]?.levels).toContain(value)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('classic creation links', () => {
  it('lists the scopes comma-separated and encodes the description', () => {
    const link = classicLink({ server: SERVER, scopes: ['repo', 'write:packages'], description: 'a & b' })
    expect(link).toBe('https://github.com/settings/tokens/new?scopes=repo,write%3Apackages&description=a%20%26%20b')
    const url = new URL(link)
    expect(url.searchParams.get('scopes')).toBe('repo,write:packages')
    expect(url.searchParams.get('description')).toBe('a & b')
  })
})
