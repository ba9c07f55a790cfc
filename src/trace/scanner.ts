/**
 * The needle scanner in WebAssembly (src/trace/wasm/scan.c, built by scripts/build-scanner.mjs): finds the lines of
 * a chunk that hold a needle in one pass over its bytes (Teddy: 3-byte fingerprints in 8 buckets, SIMD nibble
 * lookups, candidates checked whole), about 10 times faster than one `indexOf` pass per needle. The module is
 * compiled once per thread; a scanner owns one instance (its memory holds the chunk and the hits).
 */
import { SCAN_WASM } from './wasm/scan-wasm.js';

export interface ScanNeedle {
  text: string;
  wordEnd: boolean;
  /** Where the 3-byte fingerprint starts in `text`. */
  fingerprint: number;
  /** 0-7. Needles with similar fingerprints share a bucket (fewer false candidates). */
  bucket: number;
}

// The few WebAssembly APIs used here (the project's TypeScript lib has no DOM/WebAssembly types).
interface WasmModule {
  readonly __wasmModule: unique symbol;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (m: WasmModule, imports: object) => { exports: unknown };
}
const WASM = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

interface Exports {
  memory: { buffer: ArrayBuffer };
  buffer(): number;
  output(): number;
  capacity(): number;
  needle_slot(i: number): number;
  init(n: number): number;
  scan(from: number, len: number): number;
}

const MAX_NEEDLES = 32;
const MAX_LEN = 32;
let compiled: WasmModule | null | undefined;

function module(): WasmModule | null {
  if (compiled === undefined) {
    try {
      compiled = WASM ? new WASM.Module(Buffer.from(SCAN_WASM, 'base64')) : null;
    } catch {
      // No WebAssembly SIMD here: the caller searches with indexOf.
      compiled = null;
    }
  }
  return compiled;
}

export class Scanner {
  /** The chunk goes here (bytes [0, length)), at most `capacity` bytes. */
  readonly buffer: Buffer;
  readonly capacity: number;
  private readonly out: Uint32Array;

  private constructor(private readonly x: Exports) {
    this.capacity = x.capacity();
    this.buffer = Buffer.from(x.memory.buffer, x.buffer(), this.capacity);
    this.out = new Uint32Array(x.memory.buffer, x.output(), this.capacity / 2);
  }

  /** A scanner for these needles, or undefined when WebAssembly is not available or a needle does not fit it. */
  static create(needles: readonly ScanNeedle[]): Scanner | undefined {
    if (needles.length === 0 || needles.length > MAX_NEEDLES) return undefined;
    for (const n of needles) {
      // eslint-disable-next-line no-control-regex
      if (n.text.length < 3 || n.text.length > MAX_LEN || /[^\x01-\xff]|\n/.test(n.text)) return undefined;
      if (n.fingerprint < 0 || n.fingerprint + 3 > n.text.length || n.bucket < 0 || n.bucket > 7) return undefined;
    }
    const m = module();
    if (!m) return undefined;
    const x = new WASM!.Instance(m, {}).exports as Exports;
    const mem = new Uint8Array(x.memory.buffer);
    needles.forEach((n, i) => {
      const slot = x.needle_slot(i);
      mem.fill(0, slot, slot + 36);
      mem.set(Buffer.from(n.text, 'latin1'), slot);
      mem[slot + 32] = n.text.length;
      mem[slot + 33] = n.fingerprint;
      mem[slot + 34] = n.wordEnd ? 1 : 0;
      mem[slot + 35] = n.bucket;
    });
    if (x.init(needles.length) !== 0) return undefined;
    return new Scanner(x);
  }

  /**
   * The starts of the lines of `buffer[from, length)` that hold a needle (starting at or after `from`), in order,
   * each once. The array is the scanner's own: valid until the next call.
   */
  scan(from: number, length: number): Uint32Array {
    const n = this.x.scan(from, length);
    return this.out.subarray(0, n);
  }
}
