/** `length` random hex characters (`length` even), from the platform's cryptographic source. */
export function randomHex(length: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length / 2));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
