// A tiny observable value (enough for the language switch and the route) without another dependency.
export interface Observable<T> {
  value: T;
  set(v: T): void;
  subscribe(fn: (v: T) => void): () => void;
}

export function signalLike<T>(initial: T): Observable<T> {
  const subs = new Set<(v: T) => void>();
  const o: Observable<T> = {
    value: initial,
    set(v) {
      o.value = v;
      for (const fn of subs) fn(v);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
  return o;
}
