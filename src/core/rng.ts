// Seeded pseudo-random numbers: every generator draws from createRng(key...), never Math.random,
// so item i of a task is a pure function of (task id, options, seed, index).

/** A small, fast, seeded random stream (sfc32, seeded by hashing the keys). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  bool(p?: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** k distinct elements, in random order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** A fresh independent stream derived from this one and a label. */
  fork(label: string | number): Rng;
}

/** Hashes strings and numbers into a 32-bit seed (FNV-1a over the keys, then avalanche). */
export function hashKeys(keys: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const key of keys) {
    const text = typeof key === 'number' ? `#${key}` : key;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded stream keyed on any mix of strings and numbers, e.g. createRng(taskId, seed, index). */
export function createRng(...keys: (string | number)[]): Rng {
  const seed = hashKeys(keys);
  return sfc32(seed, seed ^ 0x9e3779b9, hashKeys([seed, 'b']), hashKeys([seed, 'c']));
}

function sfc32(a0: number, b0: number, c0: number, d0: number): Rng {
  let a = a0 | 0,
    b = b0 | 0,
    c = c0 | 0,
    d = d0 | 0;
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
  const next = (): number => next32() / 4294967296;
  const rng: Rng = {
    next,
    int(min, max) {
      if (!Number.isFinite(min) || !Number.isFinite(max) || max < min)
        throw new RangeError(`rng.int: bad range [${min}, ${max}]`);
      const span = max - min + 1;
      if (span <= 4294967296) return min + Math.floor(next() * span);
      return min + Math.floor(((next32() * 4294967296 + next32()) / 18446744073709551616) * span);
    },
    float: (min, max) => min + next() * (max - min),
    bool: (p = 0.5) => next() < p,
    pick(items) {
      if (items.length === 0) throw new RangeError('rng.pick: empty array');
      return items[Math.floor(next() * items.length)];
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i];
        out[i] = out[j];
        out[j] = tmp;
      }
      return out;
    },
    sample(items, k) {
      if (k > items.length) throw new RangeError(`rng.sample: k=${k} > ${items.length}`);
      const pool = items.slice();
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(next() * (pool.length - i));
        const tmp = pool[i];
        pool[i] = pool[j];
        pool[j] = tmp;
      }
      return pool.slice(0, k);
    },
    fork: (label) => createRng(next32(), label),
  };
  return rng;
}
