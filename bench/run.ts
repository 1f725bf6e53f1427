// npm run bench [-- PART...]: runs every benchmark part in bench/parts/ (or the named ones) in turn.
// Each part prints its own figures and the ratio against the peer it names, measured in the same run.
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = new URL('./parts/', import.meta.url);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const parts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.ts')));

for (const file of parts) {
  const mod = (await import(pathToFileURL(new URL(file, dir).pathname).href)) as { default: () => Promise<void> };
  console.log(`\n== ${basename(file, '.ts')} ==`);
  await mod.default();
}
