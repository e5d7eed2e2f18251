/** Helpers for default series names: register 3 → "B003", "00003", "POSC". */
export function padded(prefix: string, width: number) {
  return (registerNumber: number) => `${prefix}${String(registerNumber).padStart(width, '0')}`;
}

/** A letter-suffixed prefix for formats without padding: 1 → "POS", 2 → "POSB". */
export function lettered(prefix: string) {
  return (registerNumber: number) =>
    registerNumber <= 1
      ? prefix
      : registerNumber <= 26
        ? `${prefix}${String.fromCharCode(64 + registerNumber)}`
        : `${prefix.slice(0, 1)}${String(registerNumber).padStart(3, '0')}`;
}
