import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { CAUSES } from '../../src/model/finding.js';
import { CATALOG } from '../../src/recommend/catalog.js';
import { docsPageFor } from '../../src/recommend/index.js';
import { ROOT } from '../helpers/cli.js';

describe('docs match the code', () => {
  const recs = readFileSync(path.join(ROOT, 'docs/recommendations.md'), 'utf8');
  for (const cause of CAUSES) {
    test(`${cause}: a cause page listing every option, and the recommendations table`, () => {
      const page = path.join(ROOT, docsPageFor(`runtime/${cause}`));
      assert.ok(existsSync(page), page);
      const text = readFileSync(page, 'utf8');
      assert.equal(docsPageFor(`predicted/${cause}`), docsPageFor(`runtime/${cause}`));
      for (const o of CATALOG[cause]) {
        assert.ok(text.includes(`\`${o.id}\``), `${page} lacks ${o.id}`);
        assert.ok(recs.includes(`\`${o.id}\``), `recommendations.md lacks ${o.id}`);
      }
      assert.ok(!/recommend.*posix_spawn/i.test(text));
    });
  }
});
