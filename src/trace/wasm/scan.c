// The needle scanner of src/trace/needles.ts, compiled to WebAssembly with SIMD (scripts/build-scanner.mjs):
// finds the lines of a chunk that hold one of up to 32 needles, looking at each byte once.
//
// Teddy (Hyperscan's multi-literal prefilter): every needle has a 3-byte fingerprint (3 consecutive bytes of it)
// and one of 8 buckets. For each 16-byte block and each fingerprint byte k, two table lookups (low and high nibble,
// `i8x16.swizzle`) give the buckets whose k-th fingerprint byte may be that byte; ANDing the three (the 2nd and 3rd
// shifted by one and two bytes) leaves the positions where some bucket's fingerprint may start. Those few
// candidates are checked whole (every needle of the bucket, byte for byte, and the word end of `.so`). The newline
// positions of the same block give each hit's line start; a line is reported once, however many needles it holds.
#include <stdint.h>
#include <wasm_simd128.h>

#define CAP (4 << 20)
#define MAX_NEEDLES 32
#define MAX_LEN 32

// The chunk (the caller writes it here, at most CAP bytes; 64 bytes of slack for the block loads past its end).
static uint8_t buf[CAP + 64];
// Hit line starts, in order.
static uint32_t out[CAP / 2 + 16];

struct needle {
  uint8_t text[MAX_LEN];
  uint8_t len;
  uint8_t fp;      // where the fingerprint starts in text
  uint8_t wordEnd; // must not be followed by [A-Za-z0-9_]
  uint8_t bucket;
};
static struct needle needles[MAX_NEEDLES];
static uint32_t count;
// Per bucket, the needles in it (indexes), and how many.
static uint8_t members[8][MAX_NEEDLES];
static uint8_t nmembers[8];
// lo[k][n] / hi[k][n]: the buckets whose fingerprint byte k has low (high) nibble n.
static uint8_t lo[3][16] __attribute__((aligned(16)));
static uint8_t hi[3][16] __attribute__((aligned(16)));

__attribute__((export_name("buffer"))) uint8_t *buffer(void) { return buf; }
__attribute__((export_name("output"))) uint32_t *output(void) { return out; }
__attribute__((export_name("capacity"))) uint32_t capacity(void) { return CAP; }
__attribute__((export_name("needle_slot"))) struct needle *needle_slot(uint32_t i) { return &needles[i]; }

// After needle_slot(0..n-1) were filled in: build the tables.
__attribute__((export_name("init"))) int init(uint32_t n) {
  if (n > MAX_NEEDLES) return -1;
  count = n;
  for (int k = 0; k < 3; k++)
    for (int j = 0; j < 16; j++) lo[k][j] = hi[k][j] = 0;
  for (int b = 0; b < 8; b++) nmembers[b] = 0;
  for (uint32_t i = 0; i < n; i++) {
    struct needle *d = &needles[i];
    if (d->len < 3 || d->len > MAX_LEN || d->fp + 3 > d->len || d->bucket > 7) return -1;
    uint8_t bit = (uint8_t)(1u << d->bucket);
    for (int k = 0; k < 3; k++) {
      uint8_t c = d->text[d->fp + k];
      lo[k][c & 15] |= bit;
      hi[k][c >> 4] |= bit;
    }
    members[d->bucket][nmembers[d->bucket]++] = (uint8_t)i;
  }
  return 0;
}

static inline int word_char(uint8_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

// Does some needle of the buckets in `mask` sit with its fingerprint at position c (needle start >= from)?
static inline int verify(uint32_t c, uint32_t mask, uint32_t from, uint32_t len) {
  while (mask) {
    uint32_t b = (uint32_t)__builtin_ctz(mask);
    mask &= mask - 1;
    for (uint32_t m = 0; m < nmembers[b]; m++) {
      const struct needle *d = &needles[members[b][m]];
      if (c < from + d->fp) continue;
      uint32_t s = c - d->fp;
      if (s + d->len > len) continue;
      uint32_t j = 0;
      while (j < d->len && buf[s + j] == d->text[j]) j++;
      if (j < d->len) continue;
      // At the chunk's end the line goes on in the next chunk (the caller checks that line again).
      if (d->wordEnd && s + d->len < len && word_char(buf[s + d->len])) continue;
      return 1;
    }
  }
  return 0;
}

// Scan buf[from, len): write the start of every line holding a needle to out[], return how many. A line is the
// bytes after a newline (or `from`) up to the next newline; a needle never holds a newline.
__attribute__((export_name("scan"))) uint32_t scan(uint32_t from, uint32_t len) {
  if (len > CAP || from > len) return 0;
  for (int i = 0; i < 64; i++) buf[len + i] = 0;
  const v128_t lo0 = wasm_v128_load(lo[0]), hi0 = wasm_v128_load(hi[0]);
  const v128_t lo1 = wasm_v128_load(lo[1]), hi1 = wasm_v128_load(hi[1]);
  const v128_t lo2 = wasm_v128_load(lo[2]), hi2 = wasm_v128_load(hi[2]);
  const v128_t nib = wasm_i8x16_splat(15);
  const v128_t nl = wasm_i8x16_splat('\n');
  const v128_t zero = wasm_i8x16_splat(0);
  uint32_t n = 0;
  // The start of the line the block is in, and the start of the last line reported (+1; 0 = none).
  uint32_t lineStart = from;
  uint32_t reported = 0;
  for (uint32_t p = from; p < len; p += 16) {
    const v128_t v0 = wasm_v128_load(buf + p);
    const v128_t v1 = wasm_v128_load(buf + p + 1);
    const v128_t v2 = wasm_v128_load(buf + p + 2);
    v128_t m = wasm_v128_and(wasm_i8x16_swizzle(lo0, wasm_v128_and(v0, nib)), wasm_i8x16_swizzle(hi0, wasm_u8x16_shr(v0, 4)));
    m = wasm_v128_and(m, wasm_i8x16_swizzle(lo1, wasm_v128_and(v1, nib)));
    m = wasm_v128_and(m, wasm_i8x16_swizzle(hi1, wasm_u8x16_shr(v1, 4)));
    m = wasm_v128_and(m, wasm_i8x16_swizzle(lo2, wasm_v128_and(v2, nib)));
    m = wasm_v128_and(m, wasm_i8x16_swizzle(hi2, wasm_u8x16_shr(v2, 4)));
    uint32_t nls = (uint32_t)wasm_i8x16_bitmask(wasm_i8x16_eq(v0, nl));
    uint32_t cand = (uint32_t)wasm_i8x16_bitmask(wasm_i8x16_ne(m, zero));
    uint32_t rest = len - p;
    if (rest < 16) {
      uint32_t keep = (1u << rest) - 1;
      nls &= keep;
      cand &= keep;
    }
    if (cand) {
      uint8_t lanes[16] __attribute__((aligned(16)));
      wasm_v128_store(lanes, m);
      while (cand) {
        uint32_t i = (uint32_t)__builtin_ctz(cand);
        cand &= cand - 1;
        uint32_t before = nls & ((1u << i) - 1);
        uint32_t ls = before ? p + 32 - (uint32_t)__builtin_clz(before) : lineStart;
        if (ls + 1 == reported) continue;
        if (verify(p + i, lanes[i], from, len)) {
          out[n++] = ls;
          reported = ls + 1;
        }
      }
    }
    if (nls) lineStart = p + 32 - (uint32_t)__builtin_clz(nls);
  }
  return n;
}
