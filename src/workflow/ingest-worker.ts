/**
 * A worker thread of parallel.ts: takes batches of files from the shared counter, ingests them and
 * sends each batch back, until every file is taken.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { ActionKnowledge, DEFAULT_KNOWLEDGE } from '../knowledge/actions.js'
import { readsEnvWith } from './env-readers.js'
import { ingestFile } from './ingest.js'
import { claim, type IngestBatch, type IngestJob } from './parallel.js'

const job = workerData as IngestJob
if (parentPort && job) {
  const readsEnv = readsEnvWith(job.actions.length ? new ActionKnowledge(job.actions) : DEFAULT_KNOWLEDGE)
  for (let range = claim(job.counter, job.candidates.length); range; range = claim(job.counter, job.candidates.length)) {
    const batch: IngestBatch = { start: range[0], files: [] }
    for (let i = range[0]; i < range[1]; i++) batch.files.push(ingestFile(job.root, job.candidates[i], readsEnv))
    parentPort.postMessage(batch)
  }
}
