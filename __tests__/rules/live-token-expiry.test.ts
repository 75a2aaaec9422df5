import { RQ, ruleTester } from './rule-tester.js'
import { CLASSIC_REPO, DISPATCH, LIVE, REQ, TOKEN } from './sample-files.js'

const WF = DISPATCH('octo/other')
const DECLARED = REQ(TOKEN('D_PAT', CLASSIC_REPO))
const NEVER = REQ(TOKEN('D_PAT', CLASSIC_REPO.replace('30', 'none')))
const AT = 'secrets.D_PAT'

// Checked on 2026-12-06 at noon (LIVE).
ruleTester('live-token-expiry', {
  valid: [
    { name: '24 days left of a 30-day token', workflow: WF, requirements: DECLARED, live: [LIVE('D_PAT', { expiresAt: '2026-12-30T12:00:00.000Z' })] },
    { name: 'an installation token says nothing of expiry', workflow: WF, live: [LIVE('D_PAT', { kind: 'installation' })] },
    { name: 'declared never, never expires: pat-expiry says so on the declaration', workflow: WF, requirements: NEVER, live: [LIVE('D_PAT', { expiresAt: null })] },
    { name: 'a rejected token has no expiry to read', workflow: WF, live: [LIVE('D_PAT', { outcome: 'rejected', expiresAt: null })] },
  ],
  invalid: [
    { name: 'expires in 3 days', workflow: WF, requirements: DECLARED, live: [LIVE('D_PAT', { expiresAt: '2026-12-10T08:00:00.000Z' })], errors: [{ messageId: 'expiresSoon', file: RQ, near: '30', severity: 'warning' }] },
    { name: 'an expiry already past (GitHub still answered: its clock, or the token expired during the run)', workflow: WF, requirements: DECLARED, live: [LIVE('D_PAT', { expiresAt: '2026-12-05T08:00:00.000Z' })], errors: [{ messageId: 'expiresSoon', file: RQ, near: '30' }] },
    { name: 'never expires though declared to', workflow: WF, requirements: DECLARED, live: [LIVE('D_PAT', { expiresAt: null })], errors: [{ messageId: 'neverExpiresDeclared', file: RQ, near: '30', severity: 'error' }] },
    { name: 'undeclared and never expires', workflow: WF, live: [LIVE('D_PAT', { kind: 'fine-grained', expiresAt: null })], errors: [{ messageId: 'neverExpires', near: AT }] },
    { name: 'declared never, but expires', workflow: WF, requirements: NEVER, live: [LIVE('D_PAT', { expiresAt: '2027-02-01T00:00:00.000Z' })], errors: [{ messageId: 'declaredNever', file: RQ, near: 'none' }] },
    { name: 'a year left: past the 90-day maximum', workflow: WF, live: [LIVE('D_PAT', { expiresAt: '2027-12-01T00:00:00.000Z' })], errors: [{ messageId: 'beyondMaximum', near: AT }] },
    { name: '44 days left of what is declared as 30', workflow: WF, requirements: DECLARED, live: [LIVE('D_PAT', { expiresAt: '2027-01-20T00:00:00.000Z' })], errors: [{ messageId: 'longerThanDeclared', file: RQ, near: '30' }] },
  ],
})
