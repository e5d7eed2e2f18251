/** A Map or a WeakMap: what `getOrMake` caches in. */
interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value cached under `key`, made and stored the first time it is asked for. */
export function getOrMake<K, V>(cache: Cache<K, V>, key: K, make: () => NoInfer<V>): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}
