// A first-in first-out line of integer ids on a growable ring buffer.
//
// Each entry carries a tag beside the id so a caller can recognise stale
// entries: an id removed out of turn (a reneging customer, a cancelled job)
// stays in the ring and is skipped when it reaches the front, which keeps
// removal O(1) without searching the ring.

export class IdFifo {
  private ids: Int32Array;
  private tags: Int32Array;
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 256) {
    const capacity = Math.max(4, initialCapacity);
    this.ids = new Int32Array(capacity);
    this.tags = new Int32Array(capacity);
  }

  /** Entries in the ring, stale ones included. */
  get length(): number {
    return this.count;
  }

  /** Id of the front entry after shift(); tag in frontTag. */
  frontTag = 0;

  push(id: number, tag: number): void {
    if (this.count === this.ids.length) this.grow();
    const capacity = this.ids.length;
    let slot = this.head + this.count;
    if (slot >= capacity) slot -= capacity;
    this.ids[slot] = id;
    this.tags[slot] = tag;
    this.count++;
  }

  /** Removes the front entry and returns its id (tag in frontTag); -1 when empty. */
  shift(): number {
    if (this.count === 0) return -1;
    const id = this.ids[this.head];
    this.frontTag = this.tags[this.head];
    this.head++;
    if (this.head === this.ids.length) this.head = 0;
    this.count--;
    return id;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const capacity = this.ids.length;
    const ids = new Int32Array(capacity * 2);
    const tags = new Int32Array(capacity * 2);
    for (let i = 0; i < this.count; i++) {
      let slot = this.head + i;
      if (slot >= capacity) slot -= capacity;
      ids[i] = this.ids[slot];
      tags[i] = this.tags[slot];
    }
    this.ids = ids;
    this.tags = tags;
    this.head = 0;
  }
}
