// Runs npm scripts at the same time and fails if any fails. CI's static checks (types, lint, format)
// are independent and each mostly waits on one core, so running them together saves CI about half a
// minute of its 25. Each script's output is printed whole when it ends, so logs do not interleave.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs <npm script> [<npm script>…]');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(npm, ['run', '-s', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          process.stdout.write(
            `--- npm run ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s\n`,
          );
          if (out.trim()) process.stdout.write(`${out.trimEnd()}\n`);
          resolve(code === 0);
        });
      }),
  ),
);
process.exit(results.every(Boolean) ? 0 : 1);
