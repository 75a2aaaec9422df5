/**
 * A map that forgets everything once it holds `limit` entries: a bound on a cache keyed by text
 * the repository controls, not an eviction policy. What it forgets is worked out again, never wrong.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>()
  constructor(readonly limit: number) {}
  get(key: K): V | undefined {
    return this.map.get(key)
  }
  has(key: K): boolean {
    return this.map.has(key)
  }
  set(key: K, value: V): this {
    if (this.map.size >= this.limit && !this.map.has(key)) this.map.clear()
    this.map.set(key, value)
    return this
  }
  get size(): number {
    return this.map.size
  }
}
