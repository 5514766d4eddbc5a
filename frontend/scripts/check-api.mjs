// Fails when the generated API module is not what `npm run gen:api` makes from ../openapi/openapi.json now.
// The generation is read from the gen:api script itself (its output path swapped for a temporary one), so the
// check always runs the same command with the same options (e.g. --enum-values).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['gen:api'].split(/\s+/);
const output = args.indexOf('-o') + 1;
if (output === 0 || !args[output]) throw new Error('the gen:api script must name its output file with -o');
const committed = args[output];
const tempDir = mkdtempSync(join(tmpdir(), 'tend-check-api-'));
const fresh = join(tempDir, basename(committed));

try {
  args[output] = fresh;
  execFileSync(join(root, 'node_modules/.bin', command), args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (readFileSync(fresh, 'utf8') !== readFileSync(join(root, committed), 'utf8')) {
    console.error(`${committed} is out of date with ../openapi/openapi.json: run \`npm run gen:api\`.`);
    process.exitCode = 1;
  } else {
    console.log(`${committed} matches ../openapi/openapi.json`);
  }
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}
