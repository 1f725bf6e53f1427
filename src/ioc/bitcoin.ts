// Bitcoin addresses: only those whose checksum validates (Base58Check P2PKH/P2SH, bech32 v0, bech32m v1+).
import bs58check from 'bs58check';
import { bech32, bech32m } from 'bech32';

const BASE58 = /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/;

export function isBase58Address(s: string): boolean {
  if (!BASE58.test(s)) return false;
  try {
    const payload = bs58check.decode(s);
    return payload.length === 21 && (payload[0] === 0x00 || payload[0] === 0x05);
  } catch {
    return false;
  }
}

/** A valid segwit address (mainnet `bc1…`), returned lower-case; else null. */
export function parseBech32Address(s: string): string | null {
  if (s.length < 14 || s.length > 74) return null;
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) return null;
  const lower = s.toLowerCase();
  if (!lower.startsWith('bc1')) return null;
  for (const codec of [bech32, bech32m]) {
    try {
      const { prefix, words } = codec.decode(lower, 90);
      if (prefix !== 'bc' || words.length === 0) continue;
      const version = words[0];
      if (version > 16) continue;
      // v0 uses bech32, v1..16 use bech32m (BIP-350)
      if ((version === 0) !== (codec === bech32)) continue;
      const program = codec.fromWords(words.slice(1));
      if (program.length < 2 || program.length > 40) continue;
      if (version === 0 && program.length !== 20 && program.length !== 32) continue;
      return lower;
    } catch {
      // not this encoding
    }
  }
  return null;
}
