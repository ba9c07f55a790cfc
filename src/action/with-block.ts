/**
 * A tiny reader for a workflow step's `with:` block, for `cygwin-hygiene dry-run --with FILE`. Not YAML: it reads
 * exactly what `with:` blocks usually hold and rejects the rest with the line number:
 *   - an optional first line `with:` (and anything before it, such as `uses:`, is skipped only if `with:` is present)
 *   - `key: value`, the value plain, 'single' or "double" quoted (\" \\ \n in double quotes)
 *   - `key: |` or `key: >` followed by more-indented lines (literal / folded block; trailing newline kept for |)
 *   - blank lines and `# comments`
 */
export class WithBlockError extends Error {
  override name = 'WithBlockError';
}

function unquote(v: string, lineNo: number): string {
  if (v.startsWith("'")) {
    if (!v.endsWith("'") || v.length < 2) throw new WithBlockError(`line ${lineNo}: unterminated '...'`);
    return v.slice(1, -1).replace(/''/g, "'");
  }
  if (v.startsWith('"')) {
    if (!v.endsWith('"') || v.length < 2) throw new WithBlockError(`line ${lineNo}: unterminated "..."`);
    return v.slice(1, -1).replace(/\\(["\\n])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
  }
  return v.replace(/\s+#.*$/, '');
}

export function parseWithBlock(text: string): Record<string, string> {
  let lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const withAt = lines.findIndex((l) => /^\s*with:\s*$/.test(l));
  let base = 0;
  if (withAt >= 0) {
    base = withAt + 1;
    lines = lines.slice(base);
  }
  const out: Record<string, string> = {};
  let indent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = base + i + 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const ind = /^\s*/.exec(line)![0].length;
    indent ??= ind;
    if (ind < indent) break; // the block ended (a less-indented key of the step)
    const m = /^\s*([A-Za-z0-9_-]+):(?:\s+(.*?))?\s*$/.exec(line);
    if (!m || ind !== indent) throw new WithBlockError(`line ${lineNo}: expected "key: value", got: ${line.trim()}`);
    const key = m[1]!;
    const v = m[2] ?? '';
    if (v === '|' || v === '>' || v === '|-' || v === '>-') {
      const body: string[] = [];
      let bodyIndent: number | undefined;
      while (i + 1 < lines.length) {
        const next = lines[i + 1]!;
        const ni = /^\s*/.exec(next)![0].length;
        if (next.trim() !== '' && ni <= indent) break;
        i++;
        if (next.trim() === '') {
          body.push('');
          continue;
        }
        bodyIndent ??= ni;
        body.push(next.slice(Math.min(bodyIndent, ni)));
      }
      while (body.length && body[body.length - 1] === '') body.pop();
      let s = v.startsWith('|') ? body.join('\n') : body.join(' ');
      if (!v.endsWith('-') && body.length) s += '\n';
      out[key] = s;
    } else {
      out[key] = unquote(v, lineNo);
    }
  }
  return out;
}
