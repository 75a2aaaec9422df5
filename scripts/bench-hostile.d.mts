/** Types of scripts/bench-hostile.mjs, for the test that checks its shapes stay linear. */
export interface HostileShape {
  name: string
  unit: string
  /** One workflow, or several files by name (a workflow's file name, or a path from the root). */
  make: (n: number) => string | Record<string, string>
}
export const SHAPES: HostileShape[]
export function pathOf(name: string): string
export function makeHostileRepo(shape: HostileShape): { repo: string; n: number; bytes: number; files: number }
