// Fails when src/api/schema.d.ts is not what openapi-typescript generates from ../openapi/openapi.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src/api/schema.d.ts');
const tempDir = mkdtempSync(join(tmpdir(), 'tend-check-api-'));
const fresh = join(tempDir, 'schema.d.ts');

try {
  execFileSync(
    join(root, 'node_modules/.bin/openapi-typescript'),
    [join(root, '../openapi/openapi.json'), '-o', fresh],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error('src/api/schema.d.ts is out of date with ../openapi/openapi.json: run `npm run gen:api`.');
    process.exitCode = 1;
  } else {
    console.log('src/api/schema.d.ts matches ../openapi/openapi.json');
  }
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}
