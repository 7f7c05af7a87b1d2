// Disjoint sets over 0..n-1 (union-find with path halving): which items end up linked together.

export class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size).map((_, i) => i);
  }

  /** The representative of the set holding `i`. */
  find(i: number): number {
    const parent = this.parent;
    let x = i;
    for (let p = this.at(x); p !== x; p = this.at(x)) {
      const grand = this.at(p);
      parent[x] = grand;
      x = grand;
    }
    return x;
  }

  /** Joins the sets of `a` and `b`; the representative of `b`'s set stands for both, and is returned. */
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    this.parent[ra] = rb;
    return rb;
  }

  private at(i: number): number {
    const p = this.parent[i];
    if (p === undefined) throw new RangeError(`union-find: no item ${i} (size ${this.parent.length})`);
    return p;
  }
}
