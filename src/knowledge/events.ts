/**
 * Events a step can cause that may start workflow runs. Those caused by GITHUB_TOKEN start none
 * (R1), except the dispatches (R1a).
 */
export type TriggerEvent = 'push' | 'pull_request' | 'release' | 'create' | 'issues' | 'issue_comment' | 'pull_request_review' | 'label' | 'repository_dispatch' | 'workflow_dispatch'
