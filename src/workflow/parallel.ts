/**
 * Ingests files on several threads. Every thread, this one included, takes the next few files
 * from one shared counter, so a worker that starts late simply takes fewer. Workers send back
 * plain data (models and token flows); a file a worker claimed but never delivered (it crashed,
 * or could not start) is ingested here, so a failing worker costs time, never results.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { KnownAction } from '../knowledge/actions.js'
import type { EnvReader } from './flows.js'
import type { Candidate } from './files.js'
import { ingestFile, type IngestedFile } from './ingest.js'

/** What a worker is given: the files, what the requirements say about actions, the shared counter. */
export interface IngestJob {
  root: string
  candidates: Candidate[]
  actions: KnownAction[]
  counter: Int32Array
}

/** What a worker sends per batch: the files from index `start` on. */
export interface IngestBatch {
  start: number
  files: IngestedFile[]
}

/** Files taken at a time: few enough to balance threads, enough to keep messages few. */
export const BATCH = 16
/** A worker costs about 50 ms to start (it loads its bundle); below this many files per thread it does not pay. */
export const MIN_FILES_PER_THREAD = 250
const MAX_THREADS = 8

/** The worker's script sits beside the bundle that starts it (dist/ingest-worker.js). */
const WORKER_FILE = 'ingest-worker.js'
export function defaultWorkerFile(): string | null {
  const path = fileURLToPath(new URL(WORKER_FILE, import.meta.url))
  return existsSync(path) ? path : null
}

/** Threads worth using for this many files on this machine (1: no workers). */
export function defaultThreads(files: number, cpus = availableParallelism()): number {
  return Math.max(1, Math.min(cpus, MAX_THREADS, Math.floor(files / MIN_FILES_PER_THREAD)))
}

/** The next batch's [start, end), or null when every file is taken. */
export function claim(counter: Int32Array, total: number): [number, number] | null {
  const start = Atomics.add(counter, 0, BATCH)
  return start < total ? [start, Math.min(total, start + BATCH)] : null
}

/**
 * Ingests `candidates` here and on `workers` worker threads; the result is in candidate order,
 * as a sequential run would give it.
 */
export async function ingestInParallel(
  root: string,
  candidates: Candidate[],
  readsEnv: EnvReader,
  actions: KnownAction[],
  workers: number,
  workerFile: string | null = defaultWorkerFile(),
): Promise<IngestedFile[]> {
  const results: (IngestedFile | undefined)[] = new Array(candidates.length)
  const counter = new Int32Array(new SharedArrayBuffer(4))
  const job: IngestJob = { root, candidates, actions, counter }
  const finished: Promise<void>[] = []
  for (let i = 0; workerFile && i < workers; i++) {
    let worker: Worker
    try {
      worker = new Worker(workerFile, { workerData: job, stdout: true, stderr: true })
    } catch {
      break
    }
    // A worker prints nothing of its own; whatever Node might print there must not reach the report.
    worker.stdout.resume()
    worker.stderr.resume()
    finished.push(
      new Promise<void>((resolve) => {
        worker.on('message', (batch: IngestBatch) => {
          batch.files.forEach((f, k) => (results[batch.start + k] ??= f))
        })
        // An error is followed by 'exit'; what the worker did not send is redone below.
        worker.on('error', () => undefined)
        worker.on('exit', () => resolve())
      }),
    )
  }
  for (let range = claim(counter, candidates.length); range; range = claim(counter, candidates.length)) {
    for (let i = range[0]; i < range[1]; i++) results[i] = ingestFile(root, candidates[i], readsEnv)
  }
  await Promise.all(finished)
  return candidates.map((c, i) => results[i] ?? ingestFile(root, c, readsEnv))
}
