/**
 * A deterministic hex generator (mulberry32) for child-row names and `__frappe_exc_id`s: the same
 * seed gives the same names run after run, so simulator output is reproducible (STYLE C3).
 */
export function seededHex(seed: number): (length: number) => string {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (length: number) => {
    let out = '';
    while (out.length < length) out += Math.floor(next() * 16).toString(16);
    return out;
  };
}
